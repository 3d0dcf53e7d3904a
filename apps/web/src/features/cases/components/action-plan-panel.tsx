import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { FormActions } from '@/components/ui/form-actions';
import { LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useCodeLists } from '@/lib/code-lists';
import { contextLabel } from '@/lib/context-label';
import { isCalendarDate } from '@/lib/dates';
import { formatShortDate } from '@/lib/format';
import { problemCodeOf } from '@/lib/problem';
import { useProblemText } from '@/lib/problem-messages';
import { useActionItems, type ActionItem } from '../api/action-items-query';
import { useAddActionItem, type AddActionItemBody } from '../api/add-action-item-mutation';
import { useUpdateActionItem } from '../api/update-action-item-mutation';
import { oneOf } from './case-codes';
import { FollowUpOutcomeForm } from './follow-up-outcome-form';

const OWNERS = codes(CODE_LISTS.actionOwners);

/** The status of an action in words (never colour alone). */
function ItemStatus({ item }: { item: ActionItem }) {
  const { t, i18n } = useTranslation('guidance');
  if (item.doneAt !== null) {
    return (
      <Badge tone="success">{t('actionPlan.doneOn', { date: formatShortDate(item.doneAt, i18n.language) })}</Badge>
    );
  }
  if (item.overdue) return <Badge tone="warning">{t('case.overdue')}</Badge>;
  return <Badge>{t('actionPlan.open')}</Badge>;
}

interface ActionPlanPanelProps {
  region: string;
  caseId: string;
}

/**
 * The action plan (tasks, who, when, done or not) and, after a guidance case closed, the follow-ups
 * at 3, 6 and 12 months with their outcome fields.
 */
export function ActionPlanPanel({ region, caseId }: ActionPlanPanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const items = useActionItems(region, caseId);
  const update = useUpdateActionItem(region, caseId);
  const headingId = useId();
  const followUpsId = useId();
  const stale = update.isError && problemCodeOf(update.error) === 'RESOURCE.STALE';

  function toggleDone(item: ActionItem): void {
    update.mutate({ itemId: item.id, changes: { done: item.doneAt === null, version: item.version } });
  }

  const doneButton = (item: ActionItem) => {
    const label = item.doneAt === null ? t('actionPlan.markDone') : t('actionPlan.reopen');
    return (
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={update.isPending && update.variables.itemId === item.id}
        aria-label={contextLabel(label, item.task)}
        onClick={() => {
          toggleDone(item);
        }}
      >
        {label}
      </button>
    );
  };

  let body;
  if (items.isPending) {
    body = <LoadingStatus />;
  } else if (items.isError) {
    body = <Alert tone="error">{problemText.message(items.error)}</Alert>;
  } else {
    const actions = items.data.filter((item) => item.followUpMonths === null);
    const followUps = items.data
      .filter((item) => item.followUpMonths !== null)
      .sort((left, right) => (left.followUpMonths ?? 0) - (right.followUpMonths ?? 0));
    body = (
      <>
        {actions.length === 0 ? (
          <p>{t('actionPlan.empty')}</p>
        ) : (
          <DataTable
            caption={t('actionPlan.caption')}
            columns={[
              t('actionPlan.task'),
              t('actionPlan.owner'),
              t('actionPlan.dueDate'),
              t('translation:common.status'),
              t('translation:common.actions'),
            ]}
          >
            {actions.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="preserve-lines">
                  {item.task}
                </th>
                <td>{codeLists.label('actionOwners', item.owner)}</td>
                <td>{item.dueDate === null ? '—' : formatShortDate(item.dueDate, i18n.language)}</td>
                <td>
                  <ItemStatus item={item} />
                </td>
                <td>{doneButton(item)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <AddActionItemForm region={region} caseId={caseId} />
        {followUps.length > 0 && (
          <section className="subpanel" aria-labelledby={followUpsId}>
            <h4 id={followUpsId}>{t('actionPlan.followUpsTitle')}</h4>
            <p className="muted">{t('actionPlan.followUpsIntro')}</p>
            <ul className="follow-ups">
              {followUps.map((item) => (
                <li key={item.id} className="follow-up">
                  <article aria-label={t('actionPlan.followUp', { months: item.followUpMonths ?? 0 })}>
                    <h5 className="follow-up__title">
                      {t('actionPlan.followUp', { months: item.followUpMonths ?? 0 })}
                    </h5>
                    <p>
                      {t('actionPlan.plannedFor', {
                        date: item.dueDate === null ? '—' : formatShortDate(item.dueDate, i18n.language),
                      })}{' '}
                      <ItemStatus item={item} />
                    </p>
                    <FollowUpOutcomeForm region={region} caseId={caseId} item={item} onReload={() => items.refetch()} />
                    <p>{doneButton(item)}</p>
                  </article>
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionPlan.title')}</h3>
      {update.isError && (
        <Alert tone="error" title={problemText.message(update.error)}>
          {stale && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  update.reset();
                  void items.refetch();
                }}
              >
                {t('edit.reload')}
              </button>
            </p>
          )}
        </Alert>
      )}
      {body}
    </section>
  );
}

type ActionProblems = Partial<Record<'task' | 'owner' | 'dueDate', string>>;

function AddActionItemForm({ region, caseId }: ActionPlanPanelProps) {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const add = useAddActionItem(region, caseId);
  const [task, setTask] = useState('');
  const [owner, setOwner] = useState<string>('learner');
  const [dueDate, setDueDate] = useState('');
  const [problems, setProblems] = useState<ActionProblems>({});
  const fromApi = add.isError ? problemText.fieldErrors(add.error) : {};

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: ActionProblems = {};
    if (task.trim() === '') found.task = t('learnerForm.errors.required');
    if (dueDate !== '' && !isCalendarDate(dueDate)) found.dueDate = t('learnerForm.errors.date');
    setProblems(found);
    if (Object.keys(found).length > 0 || !oneOf(OWNERS, owner)) return;
    const body: AddActionItemBody = { task: task.trim(), owner };
    if (dueDate !== '') body.dueDate = dueDate;
    add.mutate(body, {
      onSuccess: () => {
        setTask('');
        setDueDate('');
      },
    });
  }

  return (
    <form className="form form--inline subpanel" onSubmit={submit} noValidate>
      <h4 className="form__full">{t('actionPlan.addTitle')}</h4>
      {add.isError && <Alert tone="error">{problemText.message(add.error)}</Alert>}
      {add.isSuccess && <Alert tone="success">{t('actionPlan.added')}</Alert>}
      <TextField
        label={t('actionPlan.task')}
        autoComplete="off"
        required
        maxLength={500}
        value={task}
        onChange={(event) => {
          setTask(event.target.value);
        }}
        error={problems.task ?? fromApi.task}
      />
      <SelectField
        label={t('actionPlan.owner')}
        required
        value={owner}
        options={codeLists.options('actionOwners')}
        onChange={(event) => {
          setOwner(event.target.value);
        }}
        error={fromApi.owner}
      />
      <TextField
        label={t('actionPlan.dueDateOptional')}
        type="date"
        value={dueDate}
        onChange={(event) => {
          setDueDate(event.target.value);
        }}
        error={problems.dueDate ?? fromApi.dueDate}
      />
      <FormActions submitLabel={t('actionPlan.add')} pending={add.isPending} />
    </form>
  );
}
