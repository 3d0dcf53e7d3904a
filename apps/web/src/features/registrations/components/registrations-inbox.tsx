import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { NoticePanel } from '@/components/ui/notice-panel';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { useCodeLists } from '@/lib/code-lists';
import { contextLabel } from '@/lib/context-label';
import { formatDateTime, formatShortDate } from '@/lib/format';
import { duplicateCandidates } from '@/lib/duplicate-candidates';
import { useProblemText } from '@/lib/problem-messages';
import { useAcceptRegistration } from '../api/accept-registration-mutation';
import { useRegistrationPartner } from '../api/registration-partner-query';
import { useRegistrations, type Registration, type RegistrationStatus } from '../api/registrations-query';

const STATUSES: readonly RegistrationStatus[] = ['pending', 'accepted'];

function isRegistrationStatus(value: string): value is RegistrationStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** "Aanmeldingen": people registered with the region by a partner; pending ones can be accepted. */
export function RegistrationsInbox({ region }: { region: string }) {
  const { t } = useTranslation(['guidance', 'translation']);
  const [status, setStatus] = useState<RegistrationStatus>('pending');
  const registrations = useRegistrations(region, status);

  let body;
  if (registrations.isPending) {
    body = <LoadingStatus />;
  } else if (registrations.isError) {
    body = <LoadError error={registrations.error} onRetry={() => void registrations.refetch()} />;
  } else if (registrations.data.items.length === 0) {
    body = <p role="status">{t(`registrations.empty.${status}`)}</p>;
  } else {
    body = (
      <ul className="plain-list" aria-label={t(`registrations.listLabel.${status}`)}>
        {registrations.data.items.map((registration) => (
          <li key={registration.id}>
            <RegistrationCard region={region} registration={registration} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <div className="form form--inline filters">
        <SelectField
          label={t('registrations.statusFilter')}
          value={status}
          options={STATUSES.map((value) => ({ value, label: t(`registrations.status.${value}`) }))}
          onChange={(event) => {
            if (isRegistrationStatus(event.target.value)) setStatus(event.target.value);
          }}
        />
      </div>
      <div aria-busy={registrations.isFetching}>{body}</div>
    </>
  );
}

function PartnerLabel({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('guidance');
  const partner = useRegistrationPartner(partnerId);
  return <>{partner.data?.name ?? t('registrations.partnerUnknown')}</>;
}

function RegistrationCard({ region, registration }: { region: string; registration: Registration }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const headingId = useId();
  const person = registration.learner;
  const name = `${person.firstName} ${person.lastName}`;
  const dash = '—';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="details">
        <dt>{t('registrations.from')}</dt>
        <dd>
          <PartnerLabel partnerId={registration.partnerId} />
        </dd>
        <dt>{t('registrations.receivedAt')}</dt>
        <dd>{formatDateTime(registration.createdAt, i18n.language)}</dd>
        <dt>{t('registrations.dateOfBirth')}</dt>
        <dd>{formatShortDate(person.dateOfBirth, i18n.language)}</dd>
        <dt>{t('registrations.email')}</dt>
        <dd>{person.email ?? dash}</dd>
        <dt>{t('registrations.phone')}</dt>
        <dd>{person.phone ?? dash}</dd>
        <dt>{t('registrations.address')}</dt>
        <dd>{[person.postalCode, person.municipality].filter((part) => part !== undefined).join(' ') || dash}</dd>
        <dt>{t('registrations.nativeLanguage')}</dt>
        <dd>{person.nativeLanguage ?? dash}</dd>
        <dt>{t('registrations.dutchLevel')}</dt>
        <dd>{person.dutchLevel === undefined ? dash : codeLists.label('dutchLevels', person.dutchLevel)}</dd>
        <dt>{t('registrations.educationLevel')}</dt>
        <dd>
          {person.educationLevel === undefined ? dash : codeLists.label('educationLevels', person.educationLevel)}
        </dd>
        <dt>{t('registrations.learningQuestion')}</dt>
        <dd className="preserve-lines">{registration.learningQuestion ?? dash}</dd>
        <dt>{t('registrations.consentReference')}</dt>
        <dd>{registration.consentReference}</dd>
      </dl>
      {registration.status === 'accepted' ? (
        registration.caseId !== null && (
          <p>
            <Link to={`/regions/${region}/cases/${registration.caseId}`}>{t('registrations.toCase')}</Link>
          </p>
        )
      ) : (
        <AcceptRegistration region={region} registration={registration} name={name} />
      )}
    </section>
  );
}

function AcceptRegistration({
  region,
  registration,
  name,
}: {
  region: string;
  registration: Registration;
  name: string;
}) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const accept = useAcceptRegistration(region, registration.id);
  const candidates = duplicateCandidates(accept.error);

  if (accept.isSuccess) {
    return (
      <NoticePanel title={t('registrations.accepted', { name })}>
        <p>
          <Link to={`/regions/${region}/cases/${accept.data.caseId}`}>{t('registrations.toNewCase')}</Link>
        </p>
      </NoticePanel>
    );
  }

  return (
    <>
      {candidates !== undefined ? (
        <NoticePanel tone="warning" title={t('registrations.duplicateTitle')}>
          <p>{t('registrations.duplicateIntro')}</p>
          <ul className="plain-list">
            {candidates.map((candidate) => {
              const candidateName = `${candidate.firstName} ${candidate.lastName}`;
              return (
                <li key={candidate.id}>
                  <Link to={`/regions/${region}/learners/${candidate.id}`}>{candidateName}</Link>
                  {' — '}
                  {t('registrations.bornOn', { date: formatShortDate(candidate.dateOfBirth, i18n.language) })}
                  {candidate.municipality !== null && ` — ${candidate.municipality}`}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    disabled={accept.isPending}
                    aria-label={contextLabel(t('registrations.attach'), candidateName)}
                    onClick={() => {
                      accept.mutate({ existingLearnerId: candidate.id });
                    }}
                  >
                    {t('registrations.attach')}
                  </button>
                </li>
              );
            })}
          </ul>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={accept.isPending}
              onClick={() => {
                accept.mutate({ confirmNewPerson: true });
              }}
            >
              {t('registrations.registerNew')}
            </button>
          </p>
        </NoticePanel>
      ) : (
        accept.isError && <Alert tone="error">{problemText.message(accept.error)}</Alert>
      )}
      {candidates === undefined && (
        <p>
          <button
            type="button"
            className="button"
            disabled={accept.isPending}
            onClick={() => {
              accept.mutate({});
            }}
          >
            {accept.isPending ? t('translation:common.saving') : t('registrations.accept', { name })}
          </button>
        </p>
      )}
    </>
  );
}
