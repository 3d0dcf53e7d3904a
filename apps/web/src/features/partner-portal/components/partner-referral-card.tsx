import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { isCalendarDate } from '@/lib/dates';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import type { PartnerReferral, PartnerReferralStatus } from '../api/partner-referrals-query';
import { useTransitionPartnerReferral, type PartnerTransitionBody } from '../api/transition-partner-referral-mutation';
import { isDeclineReason, isPartnerReferralStatus } from './partner-codes';
import { PartnerPacket } from './partner-packet';

/** One referral for the partner: who, what was shared, and big buttons for the answers it allows now. */
export function PartnerReferralCard({ referral }: { referral: PartnerReferral }) {
  const { t, i18n } = useTranslation(['partner', 'translation']);
  const codeLists = useCodeLists();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [action, setAction] = useState<PartnerReferralStatus | null>(null);
  const [saved, setSaved] = useState(false);
  const allowed = referral.allowedTransitions.filter(isPartnerReferralStatus);
  if (action !== null && !allowed.includes(action)) setAction(null);
  const person =
    referral.packet.learner === null
      ? t('card.anonymous')
      : `${referral.packet.learner.firstName} ${referral.packet.learner.lastName}`;

  return (
    <article className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {person}
      </h2>
      <p>
        <strong>{t('card.status', { status: codeLists.label('referralStatuses', referral.status) })}</strong>
        {referral.startDate !== null &&
          ` · ${t('card.startDate', { date: formatShortDate(referral.startDate, i18n.language) })}`}
        {referral.declineReason !== null &&
          ` · ${t('card.declineReason', { reason: codeLists.label('declineReasons', referral.declineReason) })}`}
      </p>
      <p className="muted">
        {t('card.sentAt', { date: formatShortDate(referral.sentAt, i18n.language) })}
        {referral.status === 'sent' &&
          ` · ${t('card.respondBy', { date: formatShortDate(referral.respondBy, i18n.language) })}`}
      </p>
      {saved && action === null && <Alert tone="success">{t('card.saved')}</Alert>}
      <h3>{t('card.sharedTitle')}</h3>
      <PartnerPacket packet={referral.packet} />
      <h3>{t('card.answerTitle')}</h3>
      {allowed.length === 0 ? (
        <p>{t('card.noActions')}</p>
      ) : action === null ? (
        <div className="row-actions" role="group" aria-label={t('card.actionsLabel', { person })}>
          {allowed.map((to) => (
            <button
              key={to}
              type="button"
              className={
                to === 'declined' || to === 'dropped_out' || to === 'no_show' ? 'button button--secondary' : 'button'
              }
              onClick={() => {
                setSaved(false);
                setAction(to);
              }}
            >
              {t(`actions.${to}`)}
            </button>
          ))}
        </div>
      ) : (
        <PartnerTransitionForm
          referralId={referral.id}
          to={action}
          onCancel={() => {
            setAction(null);
          }}
          onDone={() => {
            setAction(null);
            setSaved(true);
            setTimeout(() => headingRef.current?.focus(), 0);
          }}
        />
      )}
    </article>
  );
}

interface PartnerTransitionFormProps {
  referralId: string;
  to: PartnerReferralStatus;
  onCancel: () => void;
  onDone: () => void;
}

type FormProblems = Partial<Record<'reason' | 'startDate', string>>;

function PartnerTransitionForm({ referralId, to, onCancel, onDone }: PartnerTransitionFormProps) {
  const { t } = useTranslation(['partner', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const transition = useTransitionPartnerReferral(referralId);
  // One key for this answer: sending it again (after a network error) cannot record it twice.
  const [idempotencyKey] = useState(() => globalThis.crypto.randomUUID());
  const [reason, setReason] = useState('');
  const [startDate, setStartDate] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblems>({});
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(problems).join('|'));
  const fromApi = transition.isError ? problemText.fieldErrors(transition.error) : {};
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: FormProblems = {};
    if (to === 'declined' && !isDeclineReason(reason)) found.reason = t('form.reasonRequired');
    if (to === 'scheduled' && !isCalendarDate(startDate)) found.startDate = t('form.startDateRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      transition.reset();
      focusFirstInvalid();
      return;
    }
    const body: PartnerTransitionBody = { to };
    if (to === 'declined' && isDeclineReason(reason)) body.reason = reason;
    if (to === 'scheduled') body.startDate = startDate;
    if (note.trim() !== '') body.note = note.trim();
    transition.mutate({ body, idempotencyKey }, { onSuccess: onDone });
  }

  return (
    <form ref={formRef} className="form subpanel" onSubmit={submit} noValidate>
      <h4 ref={headingRef} tabIndex={-1}>
        {t(`actions.${to}`)}
      </h4>
      <p>{t(`explain.${to}`)}</p>
      {transition.isError && <Alert tone="error">{problemText.message(transition.error)}</Alert>}
      {to === 'declined' && (
        <SelectField
          label={t('form.reason')}
          required
          value={reason}
          options={[{ value: '', label: t('form.choose') }, ...codeLists.options('declineReasons')]}
          onChange={(event) => {
            setReason(event.target.value);
          }}
          error={problems.reason ?? fromApi.reason}
        />
      )}
      {to === 'scheduled' && (
        <TextField
          label={t('form.startDate')}
          hint={t('form.startDateHint')}
          type="date"
          required
          value={startDate}
          onChange={(event) => {
            setStartDate(event.target.value);
          }}
          error={problems.startDate ?? fromApi.startDate}
        />
      )}
      <TextAreaField
        label={t('form.note')}
        hint={t('form.noteHint')}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
        }}
        error={fromApi.note}
      />
      <FormActions
        submitLabel={t('form.confirm')}
        pending={transition.isPending}
        pendingLabel={t('translation:common.saving')}
        large
        onCancel={onCancel}
      />
    </form>
  );
}
