import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { FormActions } from '@/components/ui/form-actions';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useCodeLists } from '@/lib/code-lists';
import { contextLabel } from '@/lib/context-label';
import { brusselsDate, brusselsLocalToIso } from '@/lib/dates';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useAddConsent, type AddConsentBody } from '../api/add-consent-mutation';
import { useConsents, type Consent } from '../api/consents-query';
import { useWithdrawConsent } from '../api/withdraw-consent-mutation';

type Purpose = AddConsentBody['purpose'];
const PURPOSES: readonly Purpose[] = ['guidance_processing', 'partner_sharing', 'outcome_follow_up', 'statistics'];

function isPurpose(value: string): value is Purpose {
  return (PURPOSES as readonly string[]).includes(value);
}

interface ConsentsPanelProps {
  region: string;
  learnerId: string;
  /** Why no consent can be recorded now (restricted, anonymised); withdrawing one stays possible. */
  readOnlyReason?: string | undefined;
}

/** The learner's consents: the list (withdrawn ones included), recording one, and withdrawing one after confirmation. */
export function ConsentsPanel({ region, learnerId, readOnlyReason }: ConsentsPanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const consents = useConsents(region, learnerId);
  const withdraw = useWithdrawConsent(region, learnerId);
  const headingId = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const purposeLabel = (consent: Consent): string => codeLists.label('consentPurposes', consent.purpose);

  let list;
  if (consents.isPending) {
    list = <LoadingStatus />;
  } else if (consents.isError) {
    list = <Alert tone="error">{problemText.message(consents.error)}</Alert>;
  } else if (consents.data.pages.every((page) => page.items.length === 0)) {
    list = <p>{t('consents.empty')}</p>;
  } else {
    list = (
      <DataTable
        caption={t('consents.caption')}
        columns={[
          t('consents.purpose'),
          t('consents.textVersion'),
          t('consents.givenAt'),
          t('translation:common.status'),
          t('translation:common.actions'),
        ]}
      >
        {consents.data.pages
          .flatMap((page) => page.items)
          .map((consent) => (
            <tr key={consent.id}>
              <th scope="row">
                {purposeLabel(consent)}
                {consent.partnerId !== null && (
                  <span className="muted"> ({t('consents.partnerRef', { id: consent.partnerId })})</span>
                )}
              </th>
              <td>{consent.textVersion}</td>
              <td>{formatShortDate(consent.givenAt, i18n.language)}</td>
              <td>
                {consent.withdrawnAt === null
                  ? t('consents.active')
                  : t('consents.withdrawnOn', { date: formatShortDate(consent.withdrawnAt, i18n.language) })}
              </td>
              <td>
                {consent.withdrawnAt !== null ? null : confirming === consent.id ? (
                  <div
                    className="row-actions"
                    role="group"
                    aria-label={contextLabel(t('consents.confirmLabel'), purposeLabel(consent))}
                  >
                    <span>{t('consents.confirmWithdraw')}</span>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        withdraw.mutate(consent.id);
                        setConfirming(null);
                        // The row's buttons go away: the focus goes back to the top of the section.
                        setTimeout(() => headingRef.current?.focus(), 0);
                      }}
                    >
                      {t('consents.withdrawYes')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setConfirming(null);
                      }}
                    >
                      {t('translation:common.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={withdraw.isPending}
                    aria-label={contextLabel(t('consents.withdraw'), purposeLabel(consent))}
                    onClick={() => {
                      withdraw.reset();
                      setConfirming(consent.id);
                    }}
                  >
                    {t('consents.withdraw')}
                  </button>
                )}
              </td>
            </tr>
          ))}
      </DataTable>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('consents.title')}
      </h3>
      {withdraw.isError && <Alert tone="error">{problemText.message(withdraw.error)}</Alert>}
      {withdraw.isSuccess && <Alert tone="success">{t('consents.withdrawn')}</Alert>}
      {list}
      <LoadMoreButton list={consents} />
      {readOnlyReason === undefined ? (
        <AddConsentForm region={region} learnerId={learnerId} />
      ) : (
        <div className="subpanel">
          <h4>{t('consents.addTitle')}</h4>
          <p className="muted">{readOnlyReason}</p>
        </div>
      )}
    </section>
  );
}

function AddConsentForm({ region, learnerId }: { region: string; learnerId: string }) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const add = useAddConsent(region, learnerId);
  const [purpose, setPurpose] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [textVersion, setTextVersion] = useState('v1');
  const [givenOn, setGivenOn] = useState(() => brusselsDate());
  const [problems, setProblems] = useState<
    Partial<Record<'purpose' | 'partnerId' | 'textVersion' | 'givenAt', string>>
  >({});
  const fromApi = add.isError ? problemText.fieldErrors(add.error) : {};
  const today = brusselsDate();

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: typeof problems = {};
    if (!isPurpose(purpose)) found.purpose = t('learnerForm.errors.required');
    if (purpose === 'partner_sharing' && partnerId.trim() === '') found.partnerId = t('learnerForm.errors.required');
    if (textVersion.trim() === '') found.textVersion = t('learnerForm.errors.required');
    if (givenOn !== '' && givenOn > today) found.givenAt = t('learnerForm.errors.dateInFuture');
    setProblems(found);
    if (Object.keys(found).length > 0 || !isPurpose(purpose)) return;
    const body: AddConsentBody = { purpose, textVersion: textVersion.trim() };
    if (purpose === 'partner_sharing') body.partnerId = partnerId.trim();
    // Today (or nothing): the API records "now". An earlier day: noon of that day in Brussels.
    if (givenOn !== '' && givenOn !== today) body.givenAt = brusselsLocalToIso(`${givenOn}T12:00`);
    add.mutate(body, {
      onSuccess: () => {
        setPurpose('');
        setPartnerId('');
      },
    });
  }

  return (
    <form className="form subpanel" onSubmit={submit} noValidate>
      <h4>{t('consents.addTitle')}</h4>
      {add.isError && <Alert tone="error">{problemText.message(add.error)}</Alert>}
      {add.isSuccess && <Alert tone="success">{t('consents.added')}</Alert>}
      <SelectField
        label={t('consents.purpose')}
        required
        value={purpose}
        options={[{ value: '', label: t('learnerFields.choose') }, ...codeLists.options('consentPurposes')]}
        onChange={(event) => {
          setPurpose(event.target.value);
        }}
        error={problems.purpose ?? fromApi.purpose}
      />
      {purpose === 'partner_sharing' && (
        <TextField
          label={t('consents.partnerId')}
          hint={t('consents.partnerIdHint')}
          autoComplete="off"
          required
          value={partnerId}
          onChange={(event) => {
            setPartnerId(event.target.value);
          }}
          error={problems.partnerId ?? fromApi.partnerId}
        />
      )}
      <TextField
        label={t('consents.textVersion')}
        hint={t('consents.textVersionHint')}
        autoComplete="off"
        required
        maxLength={20}
        value={textVersion}
        onChange={(event) => {
          setTextVersion(event.target.value);
        }}
        error={problems.textVersion ?? fromApi.textVersion}
      />
      <TextField
        label={t('consents.givenAt')}
        type="date"
        max={today}
        value={givenOn}
        onChange={(event) => {
          setGivenOn(event.target.value);
        }}
        error={problems.givenAt ?? fromApi.givenAt}
      />
      <FormActions submitLabel={t('consents.add')} pending={add.isPending} />
    </form>
  );
}
