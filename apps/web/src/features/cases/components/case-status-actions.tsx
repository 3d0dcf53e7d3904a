import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { useProblemText } from '@/lib/problem-messages';
import type { Case, CaseStatus } from '../api/cases-query';
import { useTransitionCase, type TransitionBody } from '../api/transition-case-mutation';
import { isCaseStatus, oneOf } from './case-codes';

const EXIT_REASONS = codes(CODE_LISTS.exitReasons);
const OBJECTIVES_MET = codes(CODE_LISTS.objectivesMet);

interface CaseStatusActionsProps {
  region: string;
  caseData: Case;
}

/**
 * The status changes the case allows now (`allowedTransitions`), one button each. Each opens a short
 * form: closing asks the exit reason and whether the objectives were met, reopening asks a reason.
 */
export function CaseStatusActions({ region, caseData }: CaseStatusActionsProps) {
  const { t } = useTranslation('guidance');
  const codeLists = useCodeLists();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const buttons = useRef(new Map<CaseStatus, HTMLButtonElement>());
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [changedTo, setChangedTo] = useState<CaseStatus | null>(null);
  const reopening = caseData.status === 'closed';
  const allowed = caseData.allowedTransitions.filter(isCaseStatus);

  // The case moved on meanwhile (another tab, a 409): a form for a status no longer allowed goes.
  if (target !== null && !allowed.includes(target)) setTarget(null);

  const actionLabel = (to: CaseStatus): string =>
    reopening ? t(`statusActions.reopen.${to}`) : t(`statusActions.to.${to}`);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('statusActions.title')}
      </h3>
      {changedTo !== null && (
        <Alert tone="success">
          {t('statusActions.changed', { status: codeLists.label('caseStatuses', changedTo) })}
        </Alert>
      )}
      {allowed.length === 0 ? (
        <p>{t('statusActions.none')}</p>
      ) : target === null ? (
        <div className="row-actions" role="group" aria-labelledby={headingId}>
          {allowed.map((to) => (
            <button
              key={to}
              ref={(element) => {
                if (element) buttons.current.set(to, element);
                else buttons.current.delete(to);
              }}
              type="button"
              className={to === 'closed' ? 'button button--secondary' : 'button'}
              onClick={() => {
                setChangedTo(null);
                setTarget(to);
              }}
            >
              {actionLabel(to)}
            </button>
          ))}
        </div>
      ) : (
        <TransitionForm
          region={region}
          caseData={caseData}
          to={target}
          title={actionLabel(target)}
          onCancel={() => {
            const back = target;
            setTarget(null);
            setTimeout(() => buttons.current.get(back)?.focus(), 0);
          }}
          onDone={(updated) => {
            setTarget(null);
            setChangedTo(updated.status);
            setTimeout(() => headingRef.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}

interface TransitionFormProps {
  region: string;
  caseData: Case;
  to: CaseStatus;
  title: string;
  onCancel: () => void;
  onDone: (updated: Case) => void;
}

type TransitionProblems = Partial<Record<'exitReason' | 'objectivesMet' | 'note', string>>;

function TransitionForm({ region, caseData, to, title, onCancel, onDone }: TransitionFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const transition = useTransitionCase(region, caseData.id);
  const [exitReason, setExitReason] = useState('');
  const [objectivesMet, setObjectivesMet] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<TransitionProblems>({});
  const closing = to === 'closed';
  const reopening = caseData.status === 'closed';
  const fromApi = transition.isError ? problemText.fieldErrors(transition.error) : {};
  const errors: TransitionProblems = {
    exitReason: problems.exitReason ?? fromApi.exitReason,
    objectivesMet: problems.objectivesMet ?? fromApi.objectivesMet,
    note: problems.note ?? fromApi.note,
  };
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(errors).join('|'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: TransitionProblems = {};
    const required = t('learnerForm.errors.required');
    if (closing && exitReason === '') found.exitReason = required;
    if (closing && objectivesMet === '') found.objectivesMet = required;
    if (reopening && note.trim() === '') found.note = t('translation:fieldErrors.reasonRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      transition.reset();
      focusFirstInvalid();
      return;
    }
    const body: TransitionBody = { to };
    if (note.trim() !== '') body.note = note.trim();
    if (closing && oneOf(EXIT_REASONS, exitReason)) body.exitReason = exitReason;
    if (closing && oneOf(OBJECTIVES_MET, objectivesMet)) body.objectivesMet = objectivesMet;
    transition.mutate(body, {
      onSuccess: onDone,
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  const choose = t('learnerFields.choose');
  const hasProblems = Object.keys(problems).length > 0;

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <h4 ref={headingRef} tabIndex={-1}>
        {title}
      </h4>
      {transition.isError && <Alert tone="error">{problemText.message(transition.error)}</Alert>}
      {!transition.isError && hasProblems && <Alert tone="error">{t('translation:problems.validationFailed')}</Alert>}
      {closing && caseData.kind === 'guidance' && <p className="muted">{t('statusActions.followUpNote')}</p>}
      {closing && (
        <>
          <SelectField
            label={t('case.exitReason')}
            required
            value={exitReason}
            options={[{ value: '', label: choose }, ...codeLists.options('exitReasons')]}
            onChange={(event) => {
              setExitReason(event.target.value);
            }}
            error={errors.exitReason}
          />
          <SelectField
            label={t('case.objectivesMet')}
            required
            value={objectivesMet}
            options={[{ value: '', label: choose }, ...codeLists.options('objectivesMet')]}
            onChange={(event) => {
              setObjectivesMet(event.target.value);
            }}
            error={errors.objectivesMet}
          />
        </>
      )}
      <TextAreaField
        label={reopening ? t('statusActions.reopenReason') : t('statusActions.note')}
        required={reopening}
        maxLength={2000}
        rows={3}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
        }}
        error={errors.note}
      />
      <FormActions
        submitLabel={t('statusActions.confirm')}
        pending={transition.isPending}
        pendingLabel={t('translation:common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
