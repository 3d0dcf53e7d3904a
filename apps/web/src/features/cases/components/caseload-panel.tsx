import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { SelectField } from '@/components/ui/select-field';
import { TableScroll } from '@/components/ui/table-scroll';
import { useCodeLists } from '@/lib/code-lists';
import { formatNumber, formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
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
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status = isCaseStatus(requested) ? requested : undefined;
  const filters: CaseFilters = status === undefined ? { mine: true } : { mine: true, status };
  const cases = useCases(region, filters);
  const captionId = useId();

  let body;
  if (cases.isPending) {
    body = <p role="status">{t('translation:common.loading')}</p>;
  } else if (cases.isError) {
    body = (
      <Alert tone="error">
        <p>{problemText.message(cases.error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void cases.refetch()}>
          {t('translation:common.retry')}
        </button>
      </Alert>
    );
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
          <TableScroll label={caption}>
            <table className="table">
              <caption id={captionId} className="visually-hidden">
                {caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('caseload.learner')}</th>
                  <th scope="col">{t('case.kind')}</th>
                  <th scope="col">{t('translation:common.status')}</th>
                  <th scope="col">{t('case.nextDue')}</th>
                  <th scope="col">{t('case.contacts')}</th>
                  <th scope="col">{t('case.openedAt')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </TableScroll>
        )}
        {cases.hasNextPage && (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={cases.isFetchingNextPage}
              onClick={() => void cases.fetchNextPage()}
            >
              {cases.isFetchingNextPage ? t('translation:common.loadingMore') : t('translation:common.loadMore')}
            </button>
          </p>
        )}
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
