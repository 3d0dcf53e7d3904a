import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { useProblemText } from '@/lib/problem-messages';
import type { Case } from '../api/cases-query';
import { useCreateCase, type CreateCaseBody } from '../api/create-case-mutation';
import { oneOf } from './case-codes';
import { HealthBarrierField } from './health-barrier-field';

const KINDS = codes(CODE_LISTS.caseKinds);
const THEMES = codes(CODE_LISTS.themes);
/** Health is not among the barriers: it has a field of its own (special category, stored encrypted). */
const BARRIERS = codes(CODE_LISTS.barriers).filter((barrier) => barrier !== 'health');

interface CreateCaseFormProps {
  region: string;
  learnerId: string;
  onCreated: (created: Case) => void;
  onCancel: () => void;
}

/** "Nieuw traject": kind, learning question, themes, barriers and goal of a new case. */
export function CreateCaseForm({ region, learnerId, onCreated, onCancel }: CreateCaseFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const create = useCreateCase(region);
  const [kind, setKind] = useState('');
  const [learningQuestion, setLearningQuestion] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [barriers, setBarriers] = useState<string[]>([]);
  const [healthBarrier, setHealthBarrier] = useState<boolean | undefined>();
  const [goal, setGoal] = useState('');
  const [kindProblem, setKindProblem] = useState<string | undefined>();
  const fromApi = create.isError ? problemText.fieldErrors(create.error) : {};
  const kindError = kindProblem ?? fromApi.kind;
  const formRef = useRef<HTMLFormElement>(null);
  const errorsShown = [
    kindError,
    fromApi.learningQuestion,
    fromApi.themes,
    fromApi.barriers,
    fromApi.healthBarrier,
    fromApi.goal,
  ];
  const focusFirstInvalid = useFocusFirstInvalid(formRef, errorsShown.join('|'));

  // Opened by a button that is now gone: the focus moves to the form's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!oneOf(KINDS, kind)) {
      setKindProblem(t('learnerForm.errors.required'));
      focusFirstInvalid();
      return;
    }
    setKindProblem(undefined);
    const body: CreateCaseBody = {
      learnerId,
      kind,
      themes: themes.filter((theme) => oneOf(THEMES, theme)),
      barriers: barriers.filter((barrier) => oneOf(BARRIERS, barrier)),
    };
    // Only when the user ticked (or unticked) the box: otherwise nothing about health is sent.
    if (healthBarrier !== undefined) body.healthBarrier = healthBarrier;
    if (learningQuestion.trim() !== '') body.learningQuestion = learningQuestion.trim();
    if (goal.trim() !== '') body.goal = goal.trim();
    create.mutate(body, {
      onSuccess: onCreated,
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  return (
    <form ref={formRef} className="form subpanel" onSubmit={submit} noValidate>
      <h4 ref={headingRef} tabIndex={-1}>
        {t('newCase.title')}
      </h4>
      {create.isError && <Alert tone="error">{problemText.message(create.error)}</Alert>}
      <SelectField
        label={t('case.kind')}
        required
        hint={t('newCase.kindHint')}
        value={kind}
        options={[{ value: '', label: t('learnerFields.choose') }, ...codeLists.options('caseKinds')]}
        onChange={(event) => {
          setKind(event.target.value);
        }}
        error={kindError}
      />
      <TextAreaField
        label={t('case.learningQuestion')}
        maxLength={4000}
        value={learningQuestion}
        onChange={(event) => {
          setLearningQuestion(event.target.value);
        }}
        error={fromApi.learningQuestion}
      />
      <CheckboxGroup
        legend={t('case.themes')}
        options={codeLists.options('themes')}
        values={themes}
        onChange={setThemes}
        error={fromApi.themes}
      />
      <CheckboxGroup
        legend={t('case.barriers')}
        options={codeLists.options('barriers').filter((option) => oneOf(BARRIERS, option.value))}
        values={barriers}
        onChange={setBarriers}
        error={fromApi.barriers}
      />
      <HealthBarrierField value={healthBarrier} onChange={setHealthBarrier} error={fromApi.healthBarrier} />
      <TextAreaField
        label={t('case.goal')}
        maxLength={4000}
        value={goal}
        onChange={(event) => {
          setGoal(event.target.value);
        }}
        error={fromApi.goal}
      />
      <FormActions
        submitLabel={t('newCase.create')}
        pending={create.isPending}
        pendingLabel={t('newCase.creating')}
        onCancel={onCancel}
      />
    </form>
  );
}
