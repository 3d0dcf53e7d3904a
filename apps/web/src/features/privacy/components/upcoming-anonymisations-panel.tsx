import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadingStatus, LoadMoreButton } from '@/components/ui/query-status';
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
    body = <LoadingStatus />;
  } else if (upcoming.isError) {
    body = <Alert tone="error">{problemText.message(upcoming.error)}</Alert>;
  } else {
    // Soonest first, as the API pages them; the retention periods are the same on every page.
    const { retentionInfoMonths, retentionGuidanceMonths } = upcoming.data.pages[0] ?? {
      retentionInfoMonths: 0,
      retentionGuidanceMonths: 0,
    };
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
          <DataTable
            caption={t('upcoming.caption', { days })}
            columns={[t('requests.learner'), t('upcoming.anonymiseOn'), t('upcoming.cases')]}
          >
            {rows.map((row) => (
              <tr key={row.learnerId}>
                <th scope="row">
                  <Link to={`/regions/${region}/learners/${row.learnerId}`}>{row.name}</Link>
                </th>
                <td>{formatShortDate(row.anonymiseOn, i18n.language)}</td>
                <td>{formatNumber(row.cases, i18n.language)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <LoadMoreButton list={upcoming} />
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
