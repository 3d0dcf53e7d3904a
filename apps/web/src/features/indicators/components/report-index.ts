import type { IndicatorId, IndicatorMeasure } from '@leerwinkel/contracts';
import type { IndicatorReport, IndicatorRow } from '../api/central-indicators-query';

/** One published figure: its value, or null when it is suppressed or cannot be computed. */
export type Cell = Pick<IndicatorRow, 'value' | 'suppressed'>;

/** Where a figure sits in an indicator's table; region/month null (or left out) are the totals over them. */
export interface CellAddress {
  region?: string | null;
  month?: string | null;
  category: string;
  measure: IndicatorMeasure;
}

/** A report's rows, findable by indicator and address. */
export interface ReportIndex {
  cell: (indicator: IndicatorId, address: CellAddress) => Cell | undefined;
  /** The value, or null when it is suppressed, not computable or absent. */
  value: (indicator: IndicatorId, address: CellAddress) => number | null;
  /** The rows of `indicator` for one region and month (default: the totals), in the API's order. */
  rows: (indicator: IndicatorId, where?: { region?: string | null; month?: string | null }) => IndicatorRow[];
}

const keyOf = (indicator: string, region: string | null, month: string | null, category: string, measure: string) =>
  `${indicator}|${region ?? ''}|${month ?? ''}|${category}|${measure}`;

export function indexReport(report: IndicatorReport): ReportIndex {
  const cells = new Map<string, IndicatorRow>();
  const byGroup = new Map<string, IndicatorRow[]>();
  for (const table of report.indicators) {
    for (const row of table.rows) {
      cells.set(keyOf(table.id, row.region, row.month, row.category, row.measure), row);
      const group = `${table.id}|${row.region ?? ''}|${row.month ?? ''}`;
      const rows = byGroup.get(group);
      if (rows) rows.push(row);
      else byGroup.set(group, [row]);
    }
  }
  const cell = (indicator: IndicatorId, address: CellAddress) =>
    cells.get(keyOf(indicator, address.region ?? null, address.month ?? null, address.category, address.measure));
  return {
    cell,
    value: (indicator, address) => cell(indicator, address)?.value ?? null,
    rows: (indicator, where = {}) => byGroup.get(`${indicator}|${where.region ?? ''}|${where.month ?? ''}`) ?? [],
  };
}

/** Shares and rates are fractions 0..1. */
export function isFraction(measure: IndicatorMeasure): boolean {
  return measure === 'share' || measure.endsWith('_rate');
}

/** Medians and percentiles count days. */
export function isDays(measure: IndicatorMeasure): boolean {
  return measure === 'median_days' || measure === 'p75_days';
}

/** Counts (as opposed to shares, rates and days computed from counts). */
export function isCount(measure: IndicatorMeasure): boolean {
  return !isFraction(measure) && !isDays(measure);
}

/** The UI language as the contracts' labels know it. */
export function labelLanguage(language: string): 'nl' | 'en' {
  return language.startsWith('nl') ? 'nl' : 'en';
}
