import { useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { NoticePanel } from '@/components/ui/notice-panel';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { duplicateCandidates } from '@/lib/duplicate-candidates';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useCreateLearner } from '../api/create-learner-mutation';
import type { Learner } from '../api/learner-query';
import {
  checkDraft,
  EMPTY_DRAFT,
  type DraftProblems,
  type LearnerDraft,
  type LearnerFields as Fields,
} from './learner-draft';
import { LearnerFields } from './learner-fields';
import { useLearnerErrors } from './use-learner-errors';

interface NewLearnerFormProps {
  region: string;
  /** Whether the region records the INSZ (region settings). */
  inszEnabled: boolean;
  onCreated: (learner: Learner) => void;
}

/**
 * Registers a learner. Checks the fields like the API does; on a possible duplicate shows the
 * similar learners (links to their records) and lets the user register a different person anyway.
 */
export function NewLearnerForm({ region, inszEnabled, onCreated }: NewLearnerFormProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const create = useCreateLearner(region);
  const [draft, setDraft] = useState<LearnerDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<DraftProblems>({});
  // What was last sent: "register anyway" sends exactly that again.
  const [sent, setSent] = useState<Fields | null>(null);
  const errors = useLearnerErrors(problems, create.error);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.keys(errors).join());
  const candidates = duplicateCandidates(create.error);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const checked = checkDraft(draft, { inszEnabled });
    setProblems(checked.problems);
    if (checked.fields === undefined) {
      create.reset();
      focusFirstInvalid();
      return;
    }
    setSent(checked.fields);
    create.mutate(checked.fields, {
      onSuccess: onCreated,
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  function registerAnyway(): void {
    if (sent === null) return;
    create.mutate({ ...sent, confirmNewPerson: true }, { onSuccess: onCreated });
  }

  const hasProblems = Object.keys(errors).length > 0;

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <p className="muted">{t('learnerForm.requiredNote')}</p>
      {candidates !== undefined && (
        <NoticePanel tone="warning" title={t('learnerForm.duplicateTitle')}>
          <p>{t('learnerForm.duplicateIntro')}</p>
          <ul className="plain-list">
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <Link to={`/regions/${region}/learners/${candidate.id}`}>
                  {`${candidate.firstName} ${candidate.lastName}`}
                </Link>
                {' — '}
                {t('learnerForm.bornOn', { date: formatShortDate(candidate.dateOfBirth, i18n.language) })}
                {candidate.municipality !== null && ` — ${candidate.municipality}`}
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="button" disabled={create.isPending} onClick={registerAnyway}>
              {t('learnerForm.registerAnyway')}
            </button>
          </p>
        </NoticePanel>
      )}
      {create.isError && candidates === undefined && <Alert tone="error">{problemText.message(create.error)}</Alert>}
      {!create.isError && hasProblems && <Alert tone="error">{t('translation:problems.validationFailed')}</Alert>}
      <LearnerFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
        }}
        errors={errors}
        inszEnabled={inszEnabled}
      />
      <FormActions
        submitLabel={t('learnerForm.register')}
        pending={create.isPending}
        pendingLabel={t('learnerForm.registering')}
      >
        <Link to={`/regions/${region}/learners`} className="button button--secondary">
          {t('translation:common.cancel')}
        </Link>
      </FormActions>
    </form>
  );
}
