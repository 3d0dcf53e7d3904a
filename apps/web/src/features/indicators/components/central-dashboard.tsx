import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { LoadError } from '@/components/ui/query-status';
import { useProblemText } from '@/lib/problem-messages';
import { useActiveRegions } from '../api/active-regions-query';
import { useCentralIndicators, type CentralIndicatorFilters } from '../api/central-indicators-query';
import { useExportCentralIndicators } from '../api/export-indicators-mutation';
import { useIndicatorFilters } from '../hooks/use-indicator-filters';
import { DashboardSkeleton, ReportMeta, SuppressionLegend } from './dashboard-parts';
import { ExportButtons } from './export-buttons';
import { IndicatorFiltersForm } from './indicator-filters-form';
import { IndicatorTables } from './indicator-tables';
import { KeyFigures } from './key-figures';
import { NewCasesTrend } from './new-cases-trend';
import { ReferralOutcomes } from './referral-outcomes';
import { RegionBars } from './region-bars';
import { RegionComparison } from './region-comparison';
import { indexReport } from './report-index';
import './dashboard.css';

/**
 * The support point's dashboard (/central): key figures, the trend of new cases, new cases per region,
 * referral outcomes per partner type, a comparison of the regions and every indicator as a table. Only
 * aggregates, small counts suppressed by the API. The filters live in the address.
 */
export function CentralDashboard() {
  const { t } = useTranslation(['indicators', 'translation']);
  const problemText = useProblemText();
  const filters = useIndicatorFilters();
  const { values } = filters;
  const query: CentralIndicatorFilters = {
    from: values.from,
    to: values.to,
    kind: values.kind,
    regions: values.regions.length === 0 ? undefined : values.regions.join(','),
  };
  const regions = useActiveRegions();
  const byMonth = useCentralIndicators(query, 'month');
  const byRegion = useCentralIndicators(query, 'region');
  const exportFile = useExportCentralIndicators(query);
  const monthIndex = useMemo(() => (byMonth.data ? indexReport(byMonth.data) : undefined), [byMonth.data]);
  const regionIndex = useMemo(() => (byRegion.data ? indexReport(byRegion.data) : undefined), [byRegion.data]);
  const failed = byMonth.error ?? byRegion.error;
  const totalLabel = values.regions.length === 0 ? t('central.flemishTotal') : t('central.selectionTotal');
  const regionOptions = regions.data?.map((region) => ({ value: region.slug, label: region.displayName }));

  let body;
  if (failed !== null) {
    body = (
      <LoadError
        error={failed}
        onRetry={() => {
          void byMonth.refetch();
          void byRegion.refetch();
        }}
      />
    );
  } else if (byMonth.data === undefined || byRegion.data === undefined || !monthIndex || !regionIndex) {
    body = <DashboardSkeleton />;
  } else {
    const k = byRegion.data.suppressionK;
    body = (
      <div className="dashboard" aria-busy={byMonth.isFetching || byRegion.isFetching}>
        <ReportMeta reports={[byMonth.data, byRegion.data]} />
        {k !== null && <SuppressionLegend k={k} />}
        <KeyFigures index={regionIndex} suppressionK={k} />
        <div className="dashboard__charts">
          <NewCasesTrend report={byMonth.data} index={monthIndex} kind={values.kind} />
          <RegionBars report={byRegion.data} index={regionIndex} totalLabel={totalLabel} />
          <ReferralOutcomes report={byRegion.data} index={regionIndex} totalLabel={totalLabel} />
        </div>
        <RegionComparison report={byRegion.data} index={regionIndex} totalLabel={totalLabel} />
        <IndicatorTables
          report={byRegion.data}
          index={regionIndex}
          intro={t('tables.introCentral', { total: totalLabel })}
        />
      </div>
    );
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('central.title')}</h1>
        <p className="muted">{t('central.intro')}</p>
      </div>
      <article className="page">
        <title>{t('central.documentTitle')}</title>
        <PageHeading>{t('central.dashboardTitle')}</PageHeading>
        <section className="panel dashboard-controls" aria-label={t('filters.sectionLabel')}>
          <IndicatorFiltersForm
            key={JSON.stringify(values)}
            values={values}
            regionOptions={regionOptions ?? null}
            regionsNote={regions.isError ? problemText.message(regions.error) : t('filters.regionsLoading')}
            apiErrors={problemText.fieldErrors(failed)}
            onApply={filters.apply}
            onReset={filters.isDefault ? undefined : filters.reset}
          />
          <ExportButtons exportFile={exportFile} />
        </section>
        {body}
      </article>
    </>
  );
}
