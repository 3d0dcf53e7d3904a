import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DialogForm, type DialogFormCheck } from '@/components/ui/dialog-form';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useProblemText } from '@/lib/problem-messages';
import { useLiftRestriction } from '../api/lift-restriction-mutation';
import type { Learner } from '../api/learner-query';
import { useRestrictLearner } from '../api/restrict-learner-mutation';

const REASON_MAX = 500;

interface RestrictionControlsProps {
  region: string;
  learner: Learner;
}

/**
 * For coordinators: restrict processing (GDPR Art. 18) with a reason, in a dialog, or lift the restriction after a
 * confirmation. The learner page shows the restriction itself in its banner.
 */
export function RestrictionControls({ region, learner }: RestrictionControlsProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const lift = useLiftRestriction(region, learner.id);
  const headingId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [confirmingLift, setConfirmingLift] = useState(false);
  const [done, setDone] = useState<'restricted' | 'lifted' | null>(null);
  const restricted = learner.restriction !== null;

  const focusToggle = (): void => {
    setTimeout(() => toggleRef.current?.focus(), 0);
  };

  /** "Verwerking beperken" or "Beperking opheffen": the button the focus comes back to; clears the last outcome. */
  const toggleButton = (label: string, start: () => void) => (
    <p>
      <button
        ref={toggleRef}
        type="button"
        className="button button--secondary"
        onClick={() => {
          setDone(null);
          lift.reset();
          start();
        }}
      >
        {label}
      </button>
    </p>
  );

  let controls;
  if (learner.anonymisedAt !== null && !restricted) {
    controls = <p>{t('restriction.anonymised')}</p>;
  } else if (!restricted) {
    controls = (
      <>
        <p>{t('restriction.notRestricted')}</p>
        {toggleButton(t('restriction.restrict'), () => {
          setDialogOpen(true);
        })}
      </>
    );
  } else if (confirmingLift) {
    controls = (
      <div className="row-actions" role="group" aria-label={t('restriction.liftConfirmLabel')}>
        <span>{t('restriction.liftConfirm')}</span>
        <button
          type="button"
          className="button button--small"
          disabled={lift.isPending}
          onClick={() => {
            lift.mutate(undefined, {
              onSuccess: () => {
                setConfirmingLift(false);
                setDone('lifted');
                focusToggle();
              },
            });
          }}
        >
          {lift.isPending ? t('restriction.lifting') : t('restriction.liftYes')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={lift.isPending}
          onClick={() => {
            setConfirmingLift(false);
            focusToggle();
          }}
        >
          {t('translation:common.cancel')}
        </button>
      </div>
    );
  } else {
    controls = toggleButton(t('restriction.lift'), () => {
      setConfirmingLift(true);
    });
  }

  return (
    <div className="subpanel" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('restriction.title')}</h4>
      <p className="muted">{t('restriction.intro')}</p>
      {done === 'restricted' && <Alert tone="success">{t('restriction.restricted')}</Alert>}
      {done === 'lifted' && <Alert tone="success">{t('restriction.lifted')}</Alert>}
      {lift.isError && <Alert tone="error">{problemText.message(lift.error)}</Alert>}
      {controls}
      {dialogOpen && (
        <RestrictDialog
          region={region}
          learnerId={learner.id}
          onClose={(restrictedNow) => {
            setDialogOpen(false);
            if (restrictedNow) setDone('restricted');
            focusToggle();
          }}
        />
      )}
    </div>
  );
}

interface RestrictDialogProps {
  region: string;
  learnerId: string;
  /** `restricted`: whether processing is restricted now. */
  onClose: (restricted: boolean) => void;
}

function RestrictDialog({ region, learnerId, onClose }: RestrictDialogProps) {
  const { t } = useTranslation('guidance');
  const restrict = useRestrictLearner(region, learnerId);
  const [reason, setReason] = useState('');

  function check(): DialogFormCheck<'reason', { reason: string }> {
    const trimmed = reason.trim();
    if (trimmed === '') return { problems: { reason: t('restriction.reasonRequired') } };
    if (trimmed.length > REASON_MAX) return { problems: { reason: t('restriction.reasonTooLong') } };
    return { body: { reason: trimmed } };
  }

  return (
    <DialogForm
      title={t('restriction.restrict')}
      description={<p>{t('restriction.dialogExplain')}</p>}
      fields={['reason']}
      check={check}
      mutation={restrict}
      submitLabel={t('restriction.restrict')}
      pendingLabel={t('restriction.restricting')}
      onClose={onClose}
    >
      {(errorOf) => (
        <TextAreaField
          label={t('restriction.reason')}
          hint={t('restriction.reasonHint')}
          required
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
          }}
          error={errorOf('reason')}
        />
      )}
    </DialogForm>
  );
}
