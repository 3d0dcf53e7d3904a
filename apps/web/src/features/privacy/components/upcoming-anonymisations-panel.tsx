import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatNumber, formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useUpcomingAnonymisations } from '../api/upcoming-anonymisations-query';

interface UpcomingAnonymisationsPanelProps {
  region: string;
  /** How many days ahead to look. */
  days: number;
}

/**
 * The learners the nightly retention job anonymises in the coming days (name, date, number of cases), with the
 * region's retention periods and where to change them.
 */
export function UpcomingAnonymisationsPanel({ region, days }: UpcomingAnonymisationsPanelProps) {
  const { t, i18n } = useTranslation(['privacy', 'guidance', 'translation']);
  const problemText = useProblemText();
  const upcoming = useUpcomingAnonymisations(region, days);
  const headingId = useId();

  let body;
  if (upcoming.isPending) {
    body = <p role="status">{t('translation:common.loading')}</p>;
  } else if (upcoming.isError) {
    body = <Alert tone="error">{problemText.message(upcoming.error)}</Alert>;
  } else {
    // Soonest first, as the API pages them; the retention periods are the same on every page.
    const { retentionInfoMonths, retentionGuidanceMonths } = upcoming.data.pages[0] ?? { retentionInfoMonths: 0, retentionGuidanceMonths: 0 };
    const rows = upcoming.data.pages.flatMap((page) => page.items);
    body = (
      <>
        <p>
          {t('upcoming.retention', {
            info: t('guidance:retention.months', { count: retentionInfoMonths }),
            guidance: t('guidance:retention.months', { count: retentionGuidanceMonths }),
          })}{' '}
          <Link to={`/regions/${region}`}>{t('upcoming.changeRetention')}</Link>
        </p>
        {rows.length === 0 ? (
          <p>{t('upcoming.empty', { days })}</p>
        ) : (
          <TableScroll label={t('upcoming.caption', { days })}>
            <table className="table">
              <caption className="visually-hidden">{t('upcoming.caption', { days })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('requests.learner')}</th>
                  <th scope="col">{t('upcoming.anonymiseOn')}</th>
                  <th scope="col">{t('upcoming.cases')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.learnerId}>
                    <th scope="row">
                      <Link to={`/regions/${region}/learners/${row.learnerId}`}>{row.name}</Link>
                    </th>
                    <td>{formatShortDate(row.anonymiseOn, i18n.language)}</td>
                    <td>{formatNumber(row.cases, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {upcoming.hasNextPage && (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={upcoming.isFetchingNextPage}
              onClick={() => void upcoming.fetchNextPage()}
            >
              {upcoming.isFetchingNextPage ? t('translation:common.loadingMore') : t('translation:common.loadMore')}
            </button>
          </p>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('upcoming.title')}</h3>
      <p className="muted">{t('upcoming.intro', { days })}</p>
      {body}
    </section>
  );
}
