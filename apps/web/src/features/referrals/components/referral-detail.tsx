import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { formatDateTime, formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useReferral } from '../api/referral-query';
import type { Referral } from '../api/referrals-query';
import { useTransitionReferral, type ReferralTransitionBody } from '../api/transition-referral-mutation';
import { PacketView } from './packet-view';
import { PartnerName } from './partner-name';
import { isLearnerDeclineReason } from './referral-codes';
import { ReferralEvents } from './referral-events';
import { ReferralStatus } from './referral-status';

/** What a region may do with a referral: withdraw it, or record that the learner pulled out. */
type RegionAction = Extract<ReferralTransitionBody['to'], 'withdrawn' | 'declined'>;
const REGION_ACTIONS: readonly RegionAction[] = ['withdrawn', 'declined'];

interface ReferralDetailProps {
  region: string;
  referralId: string;
}

/** One referral: its facts, the packet the partner received, the history, and the region's actions. */
export function ReferralDetail({ region, referralId }: ReferralDetailProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const referral = useReferral(region, referralId);
  const headingId = useId();

  if (referral.isPending) return <LoadingStatus />;
  if (referral.isError) {
    return <LoadError error={referral.error} onRetry={() => void referral.refetch()} />;
  }
  const data = referral.data;
  return (
    <>
      <section className="panel" aria-label={t('referralDetail.overview')}>
        <dl className="details">
          <dt>{t('referrals.partner')}</dt>
          <dd>
            <PartnerName partnerId={data.partnerId} />
          </dd>
          <dt>{t('translation:common.status')}</dt>
          <dd>
            <ReferralStatus referral={data} />
          </dd>
          {data.declineReason !== null && (
            <>
              <dt>{t('referralDetail.declineReason')}</dt>
              <dd>
                <DeclineReasonText referral={data} />
              </dd>
            </>
          )}
          {data.startDate !== null && (
            <>
              <dt>{t('referralDetail.startDateLabel')}</dt>
              <dd>{formatShortDate(data.startDate, i18n.language)}</dd>
            </>
          )}
          <dt>{t('referrals.sentAt')}</dt>
          <dd>{formatDateTime(data.sentAt, i18n.language)}</dd>
          <dt>{t('referrals.respondBy')}</dt>
          <dd>{formatShortDate(data.respondBy, i18n.language)}</dd>
          <dt>{t('referralDetail.case')}</dt>
          <dd>
            <Link to={`/regions/${region}/cases/${data.caseId}`}>{t('referralDetail.toCase')}</Link>
          </dd>
        </dl>
      </section>
      <ReferralActions region={region} referral={data} />
      <section className="panel" aria-labelledby={`${headingId}-packet`}>
        <h3 id={`${headingId}-packet`}>{t('referralDetail.packetTitle')}</h3>
        <p className="muted">{t('referralDetail.packetIntro')}</p>
        <PacketView packet={data.packet} />
      </section>
      <section className="panel" aria-labelledby={`${headingId}-events`}>
        <h3 id={`${headingId}-events`}>{t('referralDetail.eventsTitle')}</h3>
        <ReferralEvents events={data.events ?? []} />
      </section>
    </>
  );
}

function DeclineReasonText({ referral }: { referral: Referral }) {
  const { t } = useTranslation('guidance');
  const codeLists = useCodeLists();
  const reason = codeLists.label('declineReasons', referral.declineReason);
  return (
    <>
      {reason}
      {referral.declinedBy !== null && ` (${t(`referralDetail.declinedBy.${referral.declinedBy}`)})`}
    </>
  );
}

function ReferralActions({ region, referral }: { region: string; referral: Referral }) {
  const { t } = useTranslation('guidance');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [action, setAction] = useState<RegionAction | null>(null);
  const [done, setDone] = useState(false);
  const allowed = REGION_ACTIONS.filter((candidate) => referral.allowedTransitions.includes(candidate));
  if (action !== null && !allowed.includes(action)) setAction(null);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('referralDetail.actionsTitle')}
      </h3>
      {done && <Alert tone="success">{t('referralDetail.changed')}</Alert>}
      {allowed.length === 0 ? (
        <p>{t('referralDetail.noActions')}</p>
      ) : action === null ? (
        <div className="row-actions" role="group" aria-labelledby={headingId}>
          {allowed.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className={candidate === 'withdrawn' ? 'button button--secondary' : 'button'}
              onClick={() => {
                setDone(false);
                setAction(candidate);
              }}
            >
              {t(`referralDetail.action.${candidate}`)}
            </button>
          ))}
        </div>
      ) : (
        <RegionTransitionForm
          region={region}
          referralId={referral.id}
          to={action}
          onCancel={() => {
            setAction(null);
          }}
          onDone={() => {
            setAction(null);
            setDone(true);
            setTimeout(() => headingRef.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}

interface RegionTransitionFormProps {
  region: string;
  referralId: string;
  to: RegionAction;
  onCancel: () => void;
  onDone: () => void;
}

function RegionTransitionForm({ region, referralId, to, onCancel, onDone }: RegionTransitionFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const transition = useTransitionReferral(region, referralId);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, reasonError ?? '');
  const reasonOptions = codeLists.options('declineReasons').filter((option) => isLearnerDeclineReason(option.value));

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const body: ReferralTransitionBody = { to };
    if (to === 'declined') {
      if (!isLearnerDeclineReason(reason)) {
        setReasonError(t('learnerForm.errors.required'));
        focusFirstInvalid();
        return;
      }
      body.reason = reason;
    }
    setReasonError(undefined);
    if (note.trim() !== '') body.note = note.trim();
    transition.mutate(body, { onSuccess: onDone });
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <h4>{t(`referralDetail.action.${to}`)}</h4>
      <p>{t(`referralDetail.explain.${to}`)}</p>
      {transition.isError && <Alert tone="error">{problemText.message(transition.error)}</Alert>}
      {to === 'declined' && (
        <SelectField
          label={t('referralDetail.reasonLabel')}
          required
          value={reason}
          options={[{ value: '', label: t('learnerFields.choose') }, ...reasonOptions]}
          onChange={(event) => {
            setReason(event.target.value);
          }}
          error={reasonError}
        />
      )}
      <TextAreaField
        label={t('referralDetail.note')}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
        }}
      />
      <FormActions
        submitLabel={t('referralDetail.confirm')}
        pending={transition.isPending}
        pendingLabel={t('translation:common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
