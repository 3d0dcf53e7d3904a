import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DialogForm, type DialogFormCheck } from '@/components/ui/dialog-form';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { usePendingErasure } from '../api/erasure-requests-query';
import { useRequestErasure, type RequestErasureBody } from '../api/request-erasure-mutation';
import { ERASURE_GROUNDS, isErasureGround } from './erasure-grounds';

const NOTE_MAX = 1000;

interface RequestErasureControlsProps {
  region: string;
  learnerId: string;
  /** The learner's name, for the warning. */
  learnerName: string;
}

/**
 * For coordinators, on the learner page: "Wissen aanvragen" (GDPR Art. 17) with the ground and a note, in a dialog
 * that warns the erasure is irreversible once a second coordinator confirms it. A request already waiting is shown
 * instead of the button.
 */
export function RequestErasureControls({ region, learnerId, learnerName }: RequestErasureControlsProps) {
  const { t, i18n } = useTranslation('guidance');
  const problemText = useProblemText();
  const pending = usePendingErasure(region, learnerId);
  const headingId = useId();
  const pendingId = useId();
  const openButton = useRef<HTMLButtonElement>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const waiting = pending.data ?? undefined;
  const dataProtectionPath = `/regions/${region}/data-protection`;

  return (
    <div className="subpanel" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('erasure.title')}</h4>
      <p className="muted">{t('erasure.intro')}</p>
      {requested && (
        <Alert tone="success">
          <p>{t('erasure.requested')}</p>
        </Alert>
      )}
      {pending.isError && <Alert tone="error">{problemText.message(pending.error)}</Alert>}
      {waiting !== undefined && (
        <p id={pendingId}>
          {t('erasure.pending', { date: formatShortDate(waiting.requestedAt, i18n.language) })}{' '}
          <Link to={dataProtectionPath}>{t('erasure.toDataProtection')}</Link>
        </p>
      )}
      <p>
        <button
          ref={openButton}
          type="button"
          className="button button--secondary"
          disabled={pending.isPending || waiting !== undefined}
          aria-describedby={waiting === undefined ? undefined : pendingId}
          onClick={() => {
            setRequested(false);
            setDialogOpen(true);
          }}
        >
          {t('erasure.request')}
        </button>
      </p>
      {dialogOpen && (
        <RequestErasureDialog
          region={region}
          learnerId={learnerId}
          learnerName={learnerName}
          onClose={(done) => {
            setDialogOpen(false);
            setRequested(done);
            setTimeout(() => openButton.current?.focus(), 0);
          }}
        />
      )}
    </div>
  );
}

interface RequestErasureDialogProps extends RequestErasureControlsProps {
  /** `requested`: whether the request was recorded. */
  onClose: (requested: boolean) => void;
}

function RequestErasureDialog({ region, learnerId, learnerName, onClose }: RequestErasureDialogProps) {
  const { t } = useTranslation('guidance');
  const request = useRequestErasure(region, learnerId);
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');

  function check(): DialogFormCheck<'ground' | 'note', RequestErasureBody> {
    const problems: Partial<Record<'ground' | 'note', string>> = {};
    if (!isErasureGround(ground)) problems.ground = t('erasure.groundRequired');
    if (note.trim().length > NOTE_MAX) problems.note = t('erasure.noteTooLong');
    if (Object.keys(problems).length > 0 || !isErasureGround(ground)) return { problems };
    const body: RequestErasureBody = { ground };
    if (note.trim() !== '') body.note = note.trim();
    return { body };
  }

  return (
    <DialogForm
      title={t('erasure.request')}
      description={
        <div className="alert" data-tone="warning">
          <p className="alert__title">{t('erasure.warningTitle')}</p>
          <p>{t('erasure.warning', { name: learnerName })}</p>
        </div>
      }
      fields={['ground', 'note']}
      check={check}
      mutation={request}
      submitLabel={t('erasure.request')}
      pendingLabel={t('erasure.submitting')}
      onClose={onClose}
    >
      {(errorOf) => (
        <>
          <SelectField
            label={t('erasure.ground')}
            hint={t('erasure.groundHint')}
            required
            value={ground}
            options={[
              { value: '', label: t('erasure.chooseGround') },
              ...ERASURE_GROUNDS.map((value) => ({ value, label: t(`erasure.grounds.${value}`) })),
            ]}
            onChange={(event) => {
              setGround(event.target.value);
            }}
            error={errorOf('ground')}
          />
          <TextAreaField
            label={t('erasure.note')}
            hint={t('erasure.noteHint')}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
            error={errorOf('note')}
          />
        </>
      )}
    </DialogForm>
  );
}
