import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorId, IndicatorMeasure } from '@leerwinkel/contracts';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/format';
import type { IndicatorReport } from '../api/central-indicators-query';
import { FigureValue } from './figure-value';
import type { ReportIndex } from './report-index';

type ColumnKey =
  | 'newCases'
  | 'lowQualified'
  | 'daysToFirstContact'
  | 'daysToFirstReferral'
  | 'referralsSent'
  | 'completedRate'
  | 'withoutExitData'
  | 'offerGaps';

interface Column {
  key: ColumnKey;
  indicator: IndicatorId;
  category: string;
  measure: IndicatorMeasure;
}

/** The main indicators, one column each. */
const COLUMNS: readonly Column[] = [
  { key: 'newCases', indicator: 'new_cases', category: 'total', measure: 'count' },
  { key: 'lowQualified', indicator: 'reach_education', category: 'low_qualified', measure: 'share' },
  { key: 'daysToFirstContact', indicator: 'days_to_first_contact', category: 'all', measure: 'median_days' },
  { key: 'daysToFirstReferral', indicator: 'days_to_first_referral', category: 'all', measure: 'median_days' },
  { key: 'referralsSent', indicator: 'referral_outcomes', category: 'total', measure: 'sent' },
  { key: 'completedRate', indicator: 'referral_outcomes', category: 'total', measure: 'completed_rate' },
  { key: 'withoutExitData', indicator: 'objectives_met', category: 'unknown', measure: 'share' },
  { key: 'offerGaps', indicator: 'offer_gaps', category: 'total', measure: 'count' },
];

interface RegionComparisonProps {
  /** An answer broken down per region. */
  report: IndicatorReport;
  index: ReportIndex;
  /** "Vlaams totaal", or the total of the selection. */
  totalLabel: string;
}

/** One row per region and the total row, for the main indicators. */
export function RegionComparison({ report, index, totalLabel }: RegionComparisonProps) {
  const { t, i18n } = useTranslation('indicators');
  const headingId = useId();
  const row = (key: string, label: string, region: string | null) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {COLUMNS.map((column) => (
        <td key={column.key} className="table__number">
          <FigureValue
            cell={index.cell(column.indicator, { region, category: column.category, measure: column.measure })}
            measure={column.measure}
            suppressionK={report.suppressionK}
          />
        </td>
      ))}
    </tr>
  );

  const caption = t('comparison.caption', {
    from: formatDate(report.period.from, i18n.language),
    to: formatDate(report.period.to, i18n.language),
  });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('comparison.title')}</h3>
      <TableScroll label={caption}>
        <table className="table table--figures">
          <caption className="table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('comparison.region')}</th>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" className="table__number">
                  {t(`comparison.columns.${column.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{report.regions.map((region) => row(region.slug, region.displayName, region.slug))}</tbody>
          <tfoot className="table__total">{row('total', totalLabel, null)}</tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
