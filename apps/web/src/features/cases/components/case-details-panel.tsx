import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormActions } from '@/components/ui/form-actions';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { VersionedSaveAlert } from '@/components/ui/versioned-save-alert';
import { useCodeLists } from '@/lib/code-lists';
import { ApiProblemError } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import type { Case } from '../api/cases-query';
import { useRevealCaseSensitive } from '../api/reveal-case-sensitive-mutation';
import { useUpdateCase, type CaseChanges } from '../api/update-case-mutation';
import { oneOf } from './case-codes';
import { HealthBarrierField } from './health-barrier-field';

const THEMES = codes(CODE_LISTS.themes);
/** Health is not among the barriers: it has a field of its own (special category, stored encrypted). */
const BARRIERS = codes(CODE_LISTS.barriers).filter((barrier) => barrier !== 'health');

interface CaseDetailsPanelProps {
  region: string;
  caseData: Case;
  /** Reads the case again (after someone else changed it). */
  onReload: () => Promise<unknown>;
  /** The case's counsellor and the coordinators may see whether health is a barrier (an audited read). */
  canSeeSensitive: boolean;
}

/**
 * The learning question, themes, barriers and goal of a case, with an edit form. Whether health is a barrier is
 * hidden until the user asks for it ("Toon gevoelige gegevens"): that read is audited.
 */
export function CaseDetailsPanel({ region, caseData, onReload, canSeeSensitive }: CaseDetailsPanelProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const reveal = useRevealCaseSensitive(region, caseData.id);
  const headingId = useId();
  const logNoteId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // What the user saw (after the audited read) or set themselves; undefined: hidden.
  const [health, setHealth] = useState<boolean | undefined>();
  const notGiven = t('learnerProfile.notGiven');

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('caseDetails.title')}</h3>
      {editing ? (
        <CaseDetailsForm
          region={region}
          caseData={caseData}
          onReload={onReload}
          knownHealth={health}
          onDone={(changed, healthBarrier) => {
            setEditing(false);
            setSaved(changed);
            // A value shown before follows the change; a hidden one stays hidden.
            if (health !== undefined && healthBarrier !== undefined) setHealth(healthBarrier);
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
            <dt>{t('health.detail')}</dt>
            <dd>
              <p aria-live="polite">
                {health === undefined ? (
                  t('health.hidden')
                ) : (
                  <>
                    <strong>{health ? t('health.yes') : t('health.no')}</strong>
                    <span className="visually-hidden"> {t('health.revealedNote')}</span>
                  </>
                )}
              </p>
              {reveal.isError && (
                <Alert tone="error">
                  {reveal.error instanceof ApiProblemError && reveal.error.status === 403
                    ? t('health.forbidden')
                    : problemText.message(reveal.error)}
                </Alert>
              )}
              {canSeeSensitive ? (
                <>
                  <p id={logNoteId} className="field__hint">
                    {t('health.logNote')}
                  </p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-describedby={health === undefined ? logNoteId : undefined}
                    disabled={reveal.isPending}
                    onClick={() => {
                      if (health !== undefined) {
                        setHealth(undefined);
                        reveal.reset();
                        return;
                      }
                      reveal.mutate(undefined, {
                        onSuccess: (sensitive) => {
                          setHealth(sensitive.healthBarrier);
                        },
                      });
                    }}
                  >
                    {reveal.isPending
                      ? t('health.revealing')
                      : health === undefined
                        ? t('health.reveal')
                        : t('health.hide')}
                  </button>
                </>
              ) : (
                <p className="field__hint">{t('health.onlyFor')}</p>
              )}
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

interface CaseDetailsFormProps extends Omit<CaseDetailsPanelProps, 'canSeeSensitive'> {
  /** Whether health is a barrier, when the user has seen it; undefined: not known here. */
  knownHealth: boolean | undefined;
  /** `changed`: whether anything was saved; `healthBarrier`: the health value sent, if any. */
  onDone: (changed: boolean, healthBarrier?: boolean) => void;
}

function CaseDetailsForm({ region, caseData, onReload, knownHealth, onDone }: CaseDetailsFormProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const update = useUpdateCase(region, caseData.id);
  const [draft, setDraft] = useState<DetailsDraft>(() => draftOf(caseData));
  const [healthBarrier, setHealthBarrier] = useState<boolean | undefined>(knownHealth);
  const [base, setBase] = useState<Case>(caseData);
  const [rebased, setRebased] = useState(false);
  const fromApi = update.isError ? problemText.fieldErrors(update.error) : {};
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.keys(fromApi).join());
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
    // Sent only when the user changed the box; absent, the API keeps the health value as it is.
    if (healthBarrier !== undefined && healthBarrier !== knownHealth) changes.healthBarrier = healthBarrier;
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { ...changes, version: caseData.version },
      {
        onSuccess: () => {
          onDone(true, changes.healthBarrier);
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
        options={codeLists.options('barriers').filter((option) => oneOf(BARRIERS, option.value))}
        values={draft.barriers}
        onChange={(barriers) => {
          setDraft({ ...draft, barriers });
        }}
        error={fromApi.barriers}
      />
      <HealthBarrierField
        value={healthBarrier}
        onChange={setHealthBarrier}
        unknown={knownHealth === undefined}
        error={fromApi.healthBarrier}
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
