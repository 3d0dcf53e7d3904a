import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import type { IndicatorReport } from '../api/central-indicators-query';

/** Placeholder blocks in the shape of the dashboard while its figures load; the text says so. */
export function DashboardSkeleton() {
  const { t } = useTranslation('indicators');
  return (
    <div className="dashboard-skeleton">
      <p role="status">{t('loading')}</p>
      <div className="dashboard-skeleton__figures" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((block) => (
          <div key={block} className="skeleton skeleton--figure" />
        ))}
      </div>
      <div className="skeleton skeleton--chart" aria-hidden="true" />
      <div className="skeleton skeleton--chart" aria-hidden="true" />
    </div>
  );
}

/** The period the API counted (whole months) and when the figures were computed. */
export function ReportMeta({ reports }: { reports: readonly IndicatorReport[] }) {
  const { t, i18n } = useTranslation('indicators');
  const [first] = reports;
  if (first === undefined) return null;
  const times = reports.map((report) => report.refreshedAt);
  // The oldest of the answers shown: every figure on the page is at least that fresh.
  const refreshedAt = times.includes(null) ? null : ([...times].sort()[0] ?? null);
  return (
    <div className="report-meta">
      <p>
        {t('meta.period', {
          from: formatDate(first.period.from, i18n.language),
          to: formatDate(first.period.to, i18n.language),
        })}
      </p>
      <p>
        {refreshedAt === null
          ? t('meta.notRefreshed')
          : t('meta.refreshedAt', { time: formatDateTime(refreshedAt, i18n.language) })}
      </p>
    </div>
  );
}

/** What "< 5" and "verborgen" mean (only on suppressed, central figures). */
export function SuppressionLegend({ k }: { k: number }) {
  const { t, i18n } = useTranslation('indicators');
  const limit = formatNumber(k, i18n.language);
  return (
    <aside className="alert suppression-legend" data-tone="info" aria-label={t('suppression.title')}>
      <p className="alert__title">{t('suppression.title')}</p>
      <p>
        <span className="figure figure--suppressed">{`< ${limit}`}</span> {t('suppression.small', { k: limit })}
      </p>
      <p>
        <span className="figure figure--suppressed">{t('suppression.hidden')}</span> {t('suppression.derived')}
      </p>
    </aside>
  );
}
