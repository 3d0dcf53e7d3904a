import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { LoadError, LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { useCodeLists } from '@/lib/code-lists';
import { formatNumber, formatShortDate } from '@/lib/format';
import { useCases, type Case, type CaseFilters } from '../api/cases-query';
import { isCaseStatus } from './case-codes';

/** Overdue cases first; otherwise the API's order (earliest due first) stays. */
function overdueFirst(cases: Case[]): Case[] {
  return [...cases.filter((item) => item.overdue), ...cases.filter((item) => !item.overdue)];
}

/**
 * The signed-in counsellor's cases (GET cases?mine=true), filterable by status; overdue ones first
 * and marked in words. The status filter is kept in the address (?status=).
 */
export function CaseloadPanel({ region }: { region: string }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status = isCaseStatus(requested) ? requested : undefined;
  const filters: CaseFilters = status === undefined ? { mine: true } : { mine: true, status };
  const cases = useCases(region, filters);

  let body;
  if (cases.isPending) {
    body = <LoadingStatus />;
  } else if (cases.isError) {
    body = <LoadError error={cases.error} onRetry={() => void cases.refetch()} />;
  } else {
    const rows = overdueFirst(cases.data.pages.flatMap((page) => page.items));
    const overdueCount = rows.filter((item) => item.overdue).length;
    const caption =
      status === undefined
        ? t('caseload.caption')
        : t('caseload.captionForStatus', { status: codeLists.label('caseStatuses', status) });
    body = (
      <>
        <p role="status" className="muted">
          {rows.length === 0
            ? status === undefined
              ? t('caseload.empty')
              : t('caseload.emptyForStatus', { status: codeLists.label('caseStatuses', status) })
            : `${t('caseload.shown', { count: rows.length })}${overdueCount > 0 ? ` ${t('caseload.overdueCount', { count: overdueCount })}` : ''}`}
        </p>
        {rows.length > 0 && (
          <DataTable
            caption={caption}
            columns={[
              t('caseload.learner'),
              t('case.kind'),
              t('translation:common.status'),
              t('case.nextDue'),
              t('case.contacts'),
              t('case.openedAt'),
            ]}
          >
            {rows.map((item) => (
              <tr key={item.id} data-overdue={item.overdue}>
                <th scope="row">
                  <Link to={`/regions/${region}/cases/${item.id}`}>{item.learnerName}</Link>
                </th>
                <td>{codeLists.label('caseKinds', item.kind)}</td>
                <td>{codeLists.label('caseStatuses', item.status)}</td>
                <td>
                  {item.nextDueDate === null ? '—' : formatShortDate(item.nextDueDate, i18n.language)}
                  {item.overdue && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('case.overdue')}</Badge>
                    </>
                  )}
                </td>
                <td>{formatNumber(item.contactCount, i18n.language)}</td>
                <td>{formatShortDate(item.openedAt, i18n.language)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <LoadMoreButton list={cases} />
      </>
    );
  }

  return (
    <>
      <div className="form form--inline filters">
        <SelectField
          label={t('caseload.statusFilter')}
          value={status ?? ''}
          options={[{ value: '', label: t('caseload.allStatuses') }, ...codeLists.options('caseStatuses')]}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (event.target.value === '') next.delete('status');
            else next.set('status', event.target.value);
            setParams(next, { replace: true });
          }}
        />
      </div>
      <div aria-busy={cases.isFetching}>{body}</div>
    </>
  );
}
