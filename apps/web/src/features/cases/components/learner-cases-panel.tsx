import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { ExplainedButton } from '@/components/ui/explained-button';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { useCodeLists } from '@/lib/code-lists';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useCases, type Case } from '../api/cases-query';
import { CreateCaseForm } from './create-case-form';

interface LearnerCasesPanelProps {
  region: string;
  learnerId: string;
  onCreated: (created: Case) => void;
  /** Why no case can be opened now (e.g. the learner's processing is restricted); the button is then disabled. */
  readOnlyReason?: string | undefined;
}

/** The cases (trajecten) of one learner, and the form to open a new one. */
export function LearnerCasesPanel({ region, learnerId, onCreated, readOnlyReason }: LearnerCasesPanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const cases = useCases(region, { learnerId });
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  let body;
  if (cases.isPending) {
    body = <LoadingStatus />;
  } else if (cases.isError) {
    body = <Alert tone="error">{problemText.message(cases.error)}</Alert>;
  } else {
    const rows = cases.data.pages.flatMap((page) => page.items);
    body =
      rows.length === 0 ? (
        <p>{t('learnerCases.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('learnerCases.caption')}
            columns={[t('learnerCases.case'), t('translation:common.status'), t('case.counsellor'), t('case.nextDue')]}
          >
            {rows.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/regions/${region}/cases/${item.id}`}>
                    {t('learnerCases.caseLink', {
                      kind: codeLists.label('caseKinds', item.kind),
                      date: formatShortDate(item.openedAt, i18n.language),
                    })}
                  </Link>
                </th>
                <td>{codeLists.label('caseStatuses', item.status)}</td>
                <td>{item.counsellorName ?? t('case.unknownCounsellor')}</td>
                <td>
                  {item.nextDueDate === null ? '—' : formatShortDate(item.nextDueDate, i18n.language)}
                  {item.overdue && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('case.overdue')}</Badge>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <LoadMoreButton list={cases} />
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('learnerCases.title')}</h3>
      {body}
      {adding && readOnlyReason === undefined ? (
        <div>
          <CreateCaseForm
            region={region}
            learnerId={learnerId}
            onCreated={onCreated}
            onCancel={() => {
              setAdding(false);
              setTimeout(() => addButton.current?.focus(), 0);
            }}
          />
        </div>
      ) : (
        <>
          <ExplainedButton
            ref={addButton}
            className="button"
            unavailableReason={readOnlyReason}
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('newCase.open')}
          </ExplainedButton>
        </>
      )}
    </section>
  );
}
