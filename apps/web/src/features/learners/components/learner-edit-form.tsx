import { type SubmitEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { VersionedSaveAlert } from '@/components/ui/versioned-save-alert';
import type { Learner } from '../api/learner-query';
import { useUpdateLearner } from '../api/update-learner-mutation';
import { changesOf, checkDraft, draftOf, rebaseDraft, type DraftProblems, type LearnerDraft } from './learner-draft';
import { LearnerFields } from './learner-fields';
import { useLearnerErrors } from './use-learner-errors';

interface LearnerEditFormProps {
  region: string;
  learner: Learner;
  inszEnabled: boolean;
  onReload: () => Promise<unknown>;
  /** `changed`: whether anything was saved. */
  onDone: (changed: boolean) => void;
}

/**
 * Edits a learner: sends only what changed, with the `version` the form is based on. When someone
 * else saved in between (412), the user reloads; what they typed stays, the rest follows the new version.
 */
export function LearnerEditForm({ region, learner, inszEnabled, onReload, onDone }: LearnerEditFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const update = useUpdateLearner(region, learner.id);
  const [draft, setDraft] = useState<LearnerDraft>(() => draftOf(learner));
  const [base, setBase] = useState<Learner>(learner);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [rebased, setRebased] = useState(false);
  const errors = useLearnerErrors(problems, update.error);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.keys(errors).join());

  // A newer version arrived (reload): untouched fields follow it, typed ones stay.
  if (learner !== base) {
    setDraft(rebaseDraft(draft, draftOf(base), draftOf(learner)));
    setBase(learner);
    if (learner.version !== base.version) setRebased(true);
  }

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    setRebased(false);
    const checked = checkDraft(draft, { inszEnabled });
    setProblems(checked.problems);
    if (checked.fields === undefined) {
      update.reset();
      focusFirstInvalid();
      return;
    }
    const changes = changesOf(learner, checked.fields);
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { ...changes, version: learner.version },
      {
        onSuccess: () => {
          onDone(true);
        },
        onError: () => {
          focusFirstInvalid();
        },
      },
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <VersionedSaveAlert
        error={update.error}
        rebased={rebased}
        labels={{ reload: t('edit.reload'), reloaded: t('edit.reloaded') }}
        onReload={async () => {
          await onReload();
          update.reset();
        }}
      />
      {!update.isError && Object.keys(problems).length > 0 && (
        <Alert tone="error">{t('translation:problems.validationFailed')}</Alert>
      )}
      <LearnerFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
        }}
        errors={errors}
        inszEnabled={inszEnabled}
        editing
      />
      <FormActions
        submitLabel={t('translation:common.save')}
        pending={update.isPending}
        pendingLabel={t('translation:common.saving')}
        onCancel={() => {
          onDone(false);
        }}
      />
    </form>
  );
}
