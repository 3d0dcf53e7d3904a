import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { LoadError } from '@/components/ui/query-status';
import { useProblemText } from '@/lib/problem-messages';
import { useExportRegionIndicators } from '../api/export-indicators-mutation';
import { useRegionIndicators, type RegionIndicatorFilters } from '../api/region-indicators-query';
import { useIndicatorFilters } from '../hooks/use-indicator-filters';
import { CaseloadTable } from './caseload-table';
import { DashboardSkeleton, ReportMeta } from './dashboard-parts';
import { ExportButtons } from './export-buttons';
import { IndicatorFiltersForm } from './indicator-filters-form';
import { IndicatorTables } from './indicator-tables';
import { KeyFigures } from './key-figures';
import { NewCasesTrend } from './new-cases-trend';
import { indexReport } from './report-index';
import './dashboard.css';

interface RegionDashboardProps {
  region: string;
  regionName: string;
}

/**
 * A coordinator's dashboard (/regions/:region/dashboard): the region's own figures (not suppressed) — key
 * figures, the trend of new cases, every indicator as a table — and the open cases per counsellor.
 */
export function RegionDashboard({ region, regionName }: RegionDashboardProps) {
  const { t } = useTranslation(['indicators', 'translation']);
  const problemText = useProblemText();
  const filters = useIndicatorFilters();
  const { values } = filters;
  const query: RegionIndicatorFilters = { from: values.from, to: values.to, kind: values.kind };
  const report = useRegionIndicators(region, query);
  const exportFile = useExportRegionIndicators(region, query);
  const index = useMemo(() => (report.data ? indexReport(report.data) : undefined), [report.data]);

  let body;
  if (report.isError) {
    body = <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  } else if (report.data === undefined || index === undefined) {
    body = <DashboardSkeleton />;
  } else {
    body = (
      <div className="dashboard" aria-busy={report.isFetching}>
        <ReportMeta reports={[report.data]} />
        <KeyFigures index={index} suppressionK={report.data.suppressionK} />
        <div className="dashboard__charts">
          <NewCasesTrend report={report.data} index={index} kind={values.kind} />
        </div>
        <CaseloadTable rows={report.data.caseload} />
        <IndicatorTables report={report.data} index={index} intro={t('tables.introRegion', { region: regionName })} />
      </div>
    );
  }

  return (
    <article className="page">
      <title>{t('region.documentTitle', { region: regionName })}</title>
      <PageHeading>{t('region.title')}</PageHeading>
      <p>{t('region.intro')}</p>
      <section className="panel dashboard-controls" aria-label={t('filters.sectionLabel')}>
        <IndicatorFiltersForm
          key={JSON.stringify(values)}
          values={values}
          apiErrors={problemText.fieldErrors(report.error)}
          onApply={filters.apply}
          onReset={filters.isDefault ? undefined : filters.reset}
        />
        <ExportButtons exportFile={exportFile} />
      </section>
      {body}
    </article>
  );
}
