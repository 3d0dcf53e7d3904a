import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { problemCodeOf } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import type { Case } from '../api/cases-query';
import { useUpdateCase, type CaseChanges } from '../api/update-case-mutation';
import { oneOf } from './case-codes';

const THEMES = codes(CODE_LISTS.themes);
const BARRIERS = codes(CODE_LISTS.barriers);

interface CaseDetailsPanelProps {
  region: string;
  caseData: Case;
  /** Reads the case again (after someone else changed it). */
  onReload: () => Promise<unknown>;
}

/** The learning question, themes, barriers and goal of a case, with an edit form. */
export function CaseDetailsPanel({ region, caseData, onReload }: CaseDetailsPanelProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const notGiven = t('learnerProfile.notGiven');

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('caseDetails.title')}</h3>
      {editing ? (
        <CaseDetailsForm
          region={region}
          caseData={caseData}
          onReload={onReload}
          onDone={(changed) => {
            setEditing(false);
            setSaved(changed);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          {saved && <Alert tone="success">{t('caseDetails.saved')}</Alert>}
          <dl className="details">
            <dt>{t('case.learningQuestion')}</dt>
            <dd className="preserve-lines">{caseData.learningQuestion ?? notGiven}</dd>
            <dt>{t('case.themes')}</dt>
            <dd>
              {caseData.themes.length === 0
                ? t('translation:common.none')
                : caseData.themes.map((theme) => codeLists.label('themes', theme)).join(', ')}
            </dd>
            <dt>{t('case.barriers')}</dt>
            <dd>
              {caseData.barriers.length === 0
                ? t('translation:common.none')
                : caseData.barriers.map((barrier) => codeLists.label('barriers', barrier)).join(', ')}
            </dd>
            <dt>{t('case.goal')}</dt>
            <dd className="preserve-lines">{caseData.goal ?? notGiven}</dd>
          </dl>
          <p>
            <button
              ref={editButton}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('caseDetails.edit')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}

interface DetailsDraft {
  learningQuestion: string;
  themes: string[];
  barriers: string[];
  goal: string;
}

function draftOf(caseData: Case): DetailsDraft {
  return {
    learningQuestion: caseData.learningQuestion ?? '',
    themes: [...caseData.themes],
    barriers: [...caseData.barriers],
    goal: caseData.goal ?? '',
  };
}

const same = (left: unknown, right: unknown): boolean => JSON.stringify(left) === JSON.stringify(right);

interface CaseDetailsFormProps extends CaseDetailsPanelProps {
  onDone: (changed: boolean) => void;
}

function CaseDetailsForm({ region, caseData, onReload, onDone }: CaseDetailsFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const update = useUpdateCase(region, caseData.id);
  const [draft, setDraft] = useState<DetailsDraft>(() => draftOf(caseData));
  const [base, setBase] = useState<Case>(caseData);
  const [rebased, setRebased] = useState(false);
  const [reloading, setReloading] = useState(false);
  const fromApi = update.isError ? problemText.fieldErrors(update.error) : {};
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.keys(fromApi).join());
  const code = problemCodeOf(update.error);
  const outdated = update.isError && (code === 'RESOURCE.STALE' || code === 'RESOURCE.VERSION_REQUIRED');

  // A newer version arrived (reload): untouched fields follow it, typed ones stay.
  if (caseData !== base) {
    const before = draftOf(base);
    const after = draftOf(caseData);
    setDraft({
      learningQuestion:
        draft.learningQuestion === before.learningQuestion ? after.learningQuestion : draft.learningQuestion,
      themes: same(draft.themes, before.themes) ? after.themes : draft.themes,
      barriers: same(draft.barriers, before.barriers) ? after.barriers : draft.barriers,
      goal: draft.goal === before.goal ? after.goal : draft.goal,
    });
    setBase(caseData);
    if (caseData.version !== base.version) setRebased(true);
  }

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    setRebased(false);
    const current = draftOf(caseData);
    const changes: CaseChanges = {};
    const learningQuestion = draft.learningQuestion.trim();
    const goal = draft.goal.trim();
    if (learningQuestion !== current.learningQuestion)
      changes.learningQuestion = learningQuestion === '' ? null : learningQuestion;
    if (goal !== current.goal) changes.goal = goal === '' ? null : goal;
    if (!same(draft.themes, current.themes)) changes.themes = draft.themes.filter((theme) => oneOf(THEMES, theme));
    if (!same(draft.barriers, current.barriers)) {
      changes.barriers = draft.barriers.filter((barrier) => oneOf(BARRIERS, barrier));
    }
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { ...changes, version: caseData.version },
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

  async function reload(): Promise<void> {
    setReloading(true);
    try {
      await onReload();
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {outdated && (
        <Alert tone="error" title={problemText.message(update.error)}>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={reloading}
              onClick={() => void reload()}
            >
              {reloading ? t('translation:common.loading') : t('edit.reload')}
            </button>
          </p>
        </Alert>
      )}
      {rebased && !update.isError && <Alert tone="info">{t('edit.reloaded')}</Alert>}
      {update.isError && !outdated && <Alert tone="error">{problemText.message(update.error)}</Alert>}
      <TextAreaField
        label={t('case.learningQuestion')}
        maxLength={4000}
        value={draft.learningQuestion}
        onChange={(event) => {
          setDraft({ ...draft, learningQuestion: event.target.value });
        }}
        error={fromApi.learningQuestion}
      />
      <CheckboxGroup
        legend={t('case.themes')}
        options={codeLists.options('themes')}
        values={draft.themes}
        onChange={(themes) => {
          setDraft({ ...draft, themes });
        }}
        error={fromApi.themes}
      />
      <CheckboxGroup
        legend={t('case.barriers')}
        options={codeLists.options('barriers')}
        values={draft.barriers}
        onChange={(barriers) => {
          setDraft({ ...draft, barriers });
        }}
        error={fromApi.barriers}
      />
      <TextAreaField
        label={t('case.goal')}
        maxLength={4000}
        value={draft.goal}
        onChange={(event) => {
          setDraft({ ...draft, goal: event.target.value });
        }}
        error={fromApi.goal}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('translation:common.saving') : t('translation:common.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onDone(false);
          }}
        >
          {t('translation:common.cancel')}
        </button>
      </div>
    </form>
  );
}
