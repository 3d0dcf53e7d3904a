import { useTranslation } from 'react-i18next';
import type { IndicatorReport } from '../api/central-indicators-query';
import { BarChart } from './bar-chart';
import { ChartPanel, DataTable } from './chart-panel';
import { FigureValue, useFigureText } from './figure-value';
import type { ReportIndex } from './report-index';

interface RegionBarsProps {
  /** An answer broken down per region. */
  report: IndicatorReport;
  index: ReportIndex;
  /** "Vlaams totaal", or the total of the selection. */
  totalLabel: string;
}

/** New cases per region as bars, with the figures and the total as a table. */
export function RegionBars({ report, index, totalLabel }: RegionBarsProps) {
  const { t } = useTranslation('indicators');
  const text = useFigureText(report.suppressionK);
  const cellOf = (region: string | null) => index.cell('new_cases', { region, category: 'total', measure: 'count' });
  const items = report.regions.map((region) => {
    const cell = cellOf(region.slug);
    return { key: region.slug, label: region.displayName, value: cell?.value ?? null, text: text(cell, 'count') };
  });
  const known = items.filter((item) => item.value !== null);
  const most = known.reduce<(typeof known)[number] | undefined>(
    (best, item) => (best === undefined || (item.value ?? 0) > (best.value ?? 0) ? item : best),
    undefined,
  );
  const summary = [
    t('regionBars.summary', { count: items.length, total: text(cellOf(null), 'count') }),
    most === undefined ? '' : t('regionBars.most', { region: most.label, value: most.text }),
    known.length < items.length ? t('regionBars.hidden', { count: items.length - known.length }) : '',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');

  return (
    <ChartPanel
      title={t('regionBars.title')}
      description={t('regionBars.description')}
      chart={items.length === 0 ? <p>{t('noData')}</p> : <BarChart summary={summary} items={items} />}
      table={
        <DataTable
          caption={t('regionBars.caption')}
          rowHeading={t('comparison.region')}
          columns={[t('regionBars.newCases')]}
          rows={report.regions.map((region) => ({
            key: region.slug,
            header: region.displayName,
            cells: [
              <FigureValue key="n" cell={cellOf(region.slug)} measure="count" suppressionK={report.suppressionK} />,
            ],
          }))}
          footer={{
            key: 'total',
            header: totalLabel,
            cells: [<FigureValue key="n" cell={cellOf(null)} measure="count" suppressionK={report.suppressionK} />],
          }}
        />
      }
    />
  );
}
