import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { FormActions } from '@/components/ui/form-actions';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useAddOfferGap, type AddOfferGapBody } from '../api/add-offer-gap-mutation';
import { useOfferGaps } from '../api/offer-gaps-query';
import { oneOf } from './case-codes';

const THEMES = codes(CODE_LISTS.themes);
const DESCRIPTION_MAX = 1000;

interface OfferGapsPanelProps {
  region: string;
  caseId: string;
}

/**
 * "Geen passend aanbod": the themes for which the counsellor found no suitable course or service for this
 * learner. The support point counts them per theme (without names) to tell the providers what is missing.
 */
export function OfferGapsPanel({ region, caseId }: OfferGapsPanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const gaps = useOfferGaps(region, caseId);
  const headingId = useId();

  let body;
  if (gaps.isPending) {
    body = <LoadingStatus />;
  } else if (gaps.isError) {
    body = <Alert tone="error">{problemText.message(gaps.error)}</Alert>;
  } else if (gaps.data.pages.every((page) => page.items.length === 0)) {
    body = <p>{t('offerGaps.empty')}</p>;
  } else {
    body = (
      <DataTable
        caption={t('offerGaps.caption')}
        columns={[t('offerGaps.theme'), t('offerGaps.what'), t('offerGaps.signalledBy'), t('offerGaps.signalledAt')]}
      >
        {gaps.data.pages
          .flatMap((page) => page.items)
          .map((gap) => (
            <tr key={gap.id}>
              <th scope="row">{codeLists.label('themes', gap.theme)}</th>
              <td className="preserve-lines">{gap.description ?? '—'}</td>
              <td>{gap.signalledByName ?? t('case.unknownCounsellor')}</td>
              <td>{formatShortDate(gap.signalledAt, i18n.language)}</td>
            </tr>
          ))}
      </DataTable>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('offerGaps.title')}</h3>
      <p className="muted">{t('offerGaps.intro')}</p>
      {body}
      <LoadMoreButton list={gaps} />
      <AddOfferGapForm region={region} caseId={caseId} />
    </section>
  );
}

type GapProblems = Partial<Record<'theme' | 'description', string>>;

function AddOfferGapForm({ region, caseId }: OfferGapsPanelProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const add = useAddOfferGap(region, caseId);
  const [theme, setTheme] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<GapProblems>({});
  const fromApi = add.isError ? problemText.fieldErrors(add.error) : {};
  const errors: GapProblems = {
    theme: problems.theme ?? fromApi.theme,
    description: problems.description ?? fromApi.description,
  };
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(errors).join('|'));

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: GapProblems = {};
    if (!oneOf(THEMES, theme)) found.theme = t('learnerForm.errors.required');
    if (description.trim().length > DESCRIPTION_MAX) found.description = t('offerGaps.tooLong');
    setProblems(found);
    if (Object.keys(found).length > 0 || !oneOf(THEMES, theme)) {
      add.reset();
      focusFirstInvalid();
      return;
    }
    const body: AddOfferGapBody = { theme };
    if (description.trim() !== '') body.description = description.trim();
    add.mutate(body, {
      onSuccess: () => {
        setTheme('');
        setDescription('');
      },
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  return (
    <form ref={formRef} className="form subpanel" onSubmit={submit} noValidate>
      <h4>{t('offerGaps.addTitle')}</h4>
      {add.isError && <Alert tone="error">{problemText.message(add.error)}</Alert>}
      {add.isSuccess && <Alert tone="success">{t('offerGaps.added')}</Alert>}
      <SelectField
        label={t('offerGaps.theme')}
        required
        value={theme}
        options={[{ value: '', label: t('offerGaps.chooseTheme') }, ...codeLists.options('themes')]}
        onChange={(event) => {
          setTheme(event.target.value);
        }}
        error={errors.theme}
      />
      <TextAreaField
        label={t('offerGaps.description')}
        hint={t('offerGaps.descriptionHint')}
        rows={3}
        maxLength={DESCRIPTION_MAX}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
        }}
        error={errors.description}
      />
      <FormActions
        submitLabel={t('offerGaps.add')}
        pending={add.isPending}
        pendingLabel={t('translation:common.saving')}
      />
    </form>
  );
}
