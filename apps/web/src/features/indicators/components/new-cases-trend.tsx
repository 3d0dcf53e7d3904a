import { useTranslation } from 'react-i18next';
import { useCodeLists } from '@/lib/code-lists';
import { monthsBetween } from '@/lib/dates';
import { formatNumber } from '@/lib/format';
import { formatMonth } from '@/lib/format-figures';
import type { IndicatorReport } from '../api/central-indicators-query';
import { CASE_KINDS, type CaseKindFilter } from '../hooks/use-indicator-filters';
import { ChartPanel, DataTable } from './chart-panel';
import { FigureValue } from './figure-value';
import type { ReportIndex } from './report-index';
import { TrendChart } from './trend-chart';

interface NewCasesTrendProps {
  /** An answer broken down per month. */
  report: IndicatorReport;
  index: ReportIndex;
  /** The kind filter: one line for that kind, else one per kind. */
  kind: CaseKindFilter | undefined;
}

/** New cases per month, one line per kind, with the figures (and the monthly total) as a table. */
export function NewCasesTrend({ report, index, kind }: NewCasesTrendProps) {
  const { t, i18n } = useTranslation('indicators');
  const codeLists = useCodeLists();
  const language = i18n.language;
  const months = monthsBetween(report.period.from, report.period.to);
  const kinds = kind === undefined ? CASE_KINDS : [kind];
  const cellAt = (month: string | null, category: string) =>
    index.cell('new_cases', { month, category, measure: 'count' });
  const series = kinds.map((code) => ({
    key: code,
    label: codeLists.label('caseKinds', code),
    values: months.map((month) => cellAt(month, code)?.value ?? null),
  }));

  const sentences = [
    t('trend.summary', {
      from: formatMonth(months[0] ?? '', language),
      to: formatMonth(months.at(-1) ?? '', language),
    }),
  ];
  for (const line of series) {
    const known = line.values.flatMap((value, position) =>
      value === null ? [] : [{ value, month: months[position] }],
    );
    const peak = known.reduce<(typeof known)[number] | undefined>(
      (best, point) => (best === undefined || point.value > best.value ? point : best),
      undefined,
    );
    const total = cellAt(null, line.key)?.value ?? null;
    sentences.push(
      peak === undefined || peak.month === undefined || total === null
        ? t('trend.seriesUnknown', { series: line.label })
        : t('trend.series', {
            series: line.label,
            total: formatNumber(total, language),
            month: formatMonth(peak.month, language),
            peak: formatNumber(peak.value, language),
          }),
    );
  }
  if (series.some((line) => line.values.includes(null))) {
    sentences.push(t('trend.gaps'));
  }

  const columns = kind === undefined ? [...kinds, 'total'] : kinds;
  const columnLabel = (code: string) => (code === 'total' ? t('trend.total') : codeLists.label('caseKinds', code));
  const figure = (month: string | null, code: string) => (
    <FigureValue cell={cellAt(month, code)} measure="count" suppressionK={report.suppressionK} />
  );

  return (
    <ChartPanel
      title={t('trend.title')}
      description={t('trend.description')}
      chart={
        <TrendChart
          summary={sentences.join(' ')}
          xLabels={months.map((month) => formatMonth(month, language, 'short'))}
          series={series}
          formatValue={(value) => formatNumber(value, language)}
        />
      }
      table={
        <DataTable
          caption={t('trend.caption')}
          rowHeading={t('trend.month')}
          columns={columns.map(columnLabel)}
          rows={months.map((month) => ({
            key: month,
            header: formatMonth(month, language),
            cells: columns.map((code) => figure(month, code)),
          }))}
          footer={{
            key: 'period',
            header: t('trend.wholePeriod'),
            cells: columns.map((code) => figure(null, code)),
          }}
        />
      }
    />
  );
}
