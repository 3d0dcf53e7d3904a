import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { problemCodeOf } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import type { ActionItem } from '../api/action-items-query';
import { useUpdateActionItem, type ActionItemChanges } from '../api/update-action-item-mutation';

type Answer = 'yes' | 'no' | '';

const toAnswer = (value: boolean | null): Answer => (value === null ? '' : value ? 'yes' : 'no');
const fromAnswer = (answer: string): boolean | null => (answer === 'yes' ? true : answer === 'no' ? false : null);

interface FollowUpOutcomeFormProps {
  region: string;
  caseId: string;
  item: ActionItem;
  /** Reads the plan again (after someone else changed this follow-up). */
  onReload: () => Promise<unknown>;
}

/** The outcome of one follow-up: still in education, certificate obtained, at work (each yes/no/not known), a note. */
export function FollowUpOutcomeForm({ region, caseId, item, onReload }: FollowUpOutcomeFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const update = useUpdateActionItem(region, caseId);
  const [inEducation, setInEducation] = useState<string>(toAnswer(item.inEducation));
  const [certificateObtained, setCertificateObtained] = useState<string>(toAnswer(item.certificateObtained));
  const [employed, setEmployed] = useState<string>(toAnswer(item.employed));
  const [outcomeNote, setOutcomeNote] = useState(item.outcomeNote ?? '');
  const fromApi = update.isError ? problemText.fieldErrors(update.error) : {};
  const stale = update.isError && problemCodeOf(update.error) === 'RESOURCE.STALE';
  const legendId = useId();

  const answers = [
    { value: '', label: t('followUp.notKnown') },
    { value: 'yes', label: t('translation:common.yes') },
    { value: 'no', label: t('translation:common.no') },
  ];

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const note = outcomeNote.trim();
    const changes: ActionItemChanges = {
      inEducation: fromAnswer(inEducation),
      certificateObtained: fromAnswer(certificateObtained),
      employed: fromAnswer(employed),
      outcomeNote: note === '' ? null : note,
      // Always the version on screen: after a reload (412) that is the newest one.
      version: item.version,
    };
    update.mutate({ itemId: item.id, changes });
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={legendId} noValidate>
      <p id={legendId} className="field__label">
        {t('followUp.outcome')}
      </p>
      {update.isError && (
        <Alert tone="error" title={problemText.message(update.error)}>
          {stale && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  // What was typed stays; the next save is based on the version just read.
                  void onReload().then(() => {
                    update.reset();
                  });
                }}
              >
                {t('edit.reload')}
              </button>
            </p>
          )}
        </Alert>
      )}
      {update.isSuccess && <Alert tone="success">{t('followUp.saved')}</Alert>}
      <div className="form form--inline">
        <SelectField
          label={t('followUp.inEducation')}
          value={inEducation}
          options={answers}
          onChange={(event) => {
            setInEducation(event.target.value);
          }}
          error={fromApi.inEducation}
        />
        <SelectField
          label={t('followUp.certificateObtained')}
          value={certificateObtained}
          options={answers}
          onChange={(event) => {
            setCertificateObtained(event.target.value);
          }}
          error={fromApi.certificateObtained}
        />
        <SelectField
          label={t('followUp.employed')}
          value={employed}
          options={answers}
          onChange={(event) => {
            setEmployed(event.target.value);
          }}
          error={fromApi.employed}
        />
      </div>
      <TextAreaField
        label={t('followUp.outcomeNote')}
        maxLength={2000}
        rows={3}
        value={outcomeNote}
        onChange={(event) => {
          setOutcomeNote(event.target.value);
        }}
        error={fromApi.outcomeNote}
      />
      <FormActions
        submitLabel={t('followUp.save')}
        pending={update.isPending}
        pendingLabel={t('translation:common.saving')}
        secondary
      />
    </form>
  );
}
