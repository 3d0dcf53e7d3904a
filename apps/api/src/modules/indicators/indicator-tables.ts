import { CODE_LISTS, codes, type IndicatorId, type IndicatorMeasure, LOW_QUALIFIED_LEVELS } from '@leerwinkel/contracts';
import type { FactRow } from './indicator-facts.repository.js';
import { type Line, type SuppressibleCell, suppress } from './suppression.js';

export interface IndicatorRow {
  /** Region slug; null = all selected regions together. */
  region: string | null;
  /** 'YYYY-MM'; null = the whole period. */
  month: string | null;
  category: string;
  measure: IndicatorMeasure;
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorTable {
  id: IndicatorId;
  rows: IndicatorRow[];
}

/** The breakdown of a request: the regions and months that get their own rows (besides the totals). */
export interface Breakdown {
  regions: string[];
  months: string[];
}

interface CountsSpec {
  type: 'counts';
  id: IndicatorId;
  categories: readonly string[];
  measures: readonly { measure: IndicatorMeasure; metric: string }[];
  /** The categories partition the counted things: a `total` row per measure, and the total binds them. */
  additive: boolean;
  /** The population the shares are of; the same key in several indicators is one shared total. */
  population?: string;
  /** A `share` row per category: its count over the population. */
  shares?: boolean;
  rates?: readonly { measure: IndicatorMeasure; of: IndicatorMeasure; base: IndicatorMeasure }[];
  /** Extra share rows over a group of categories (e.g. low-qualified among the known education levels). */
  groupShares?: readonly { category: string; numerator: readonly string[]; denominator: readonly string[] }[];
}

interface DaysSpec {
  type: 'days';
  id: IndicatorId;
  metric: string;
}

const KNOWN_EDUCATION = codes(CODE_LISTS.educationLevels);
const DAYS_METRICS = new Set(['days_to_first_contact', 'days_to_first_referral']);
const OUTCOMES = ['accepted', 'enrolled', 'started', 'completed'] as const;
const FOLLOW_UPS = ['in_education', 'certificate', 'employed'] as const;

/** The indicators, in the order they are published (definitions: docs/indicators.md). */
const SPECS: readonly (CountsSpec | DaysSpec)[] = [
  { type: 'counts', id: 'new_cases', categories: codes(CODE_LISTS.caseKinds), measures: [{ measure: 'count', metric: 'new_cases' }], additive: true, population: 'new_cases', shares: true },
  { type: 'counts', id: 'reach_target_group', categories: codes(CODE_LISTS.targetGroups), measures: [{ measure: 'count', metric: 'reach_target_group' }], additive: false, population: 'new_cases', shares: true },
  {
    type: 'counts',
    id: 'reach_education',
    categories: [...KNOWN_EDUCATION, ...codes(CODE_LISTS.dataQuality)],
    measures: [{ measure: 'count', metric: 'reach_education' }],
    additive: true,
    population: 'new_cases',
    shares: true,
    groupShares: [{ category: 'low_qualified', numerator: LOW_QUALIFIED_LEVELS, denominator: KNOWN_EDUCATION }],
  },
  { type: 'counts', id: 'referral_sources', categories: codes(CODE_LISTS.referralSources), measures: [{ measure: 'count', metric: 'referral_source' }], additive: true, population: 'new_cases', shares: true },
  { type: 'counts', id: 'contacts_per_case', categories: ['0', '1', '2', '3', '4-5', '6+'], measures: [{ measure: 'count', metric: 'contacts_per_case' }], additive: true, population: 'new_cases', shares: true },
  { type: 'days', id: 'days_to_first_contact', metric: 'days_to_first_contact' },
  { type: 'days', id: 'days_to_first_referral', metric: 'days_to_first_referral' },
  {
    type: 'counts',
    id: 'referral_outcomes',
    categories: codes(CODE_LISTS.partnerTypes),
    measures: [{ measure: 'sent', metric: 'referrals_sent' }, ...OUTCOMES.map((outcome) => ({ measure: outcome, metric: `referrals_${outcome}` }))],
    additive: true,
    rates: OUTCOMES.map((outcome) => ({ measure: `${outcome}_rate` as const, of: outcome, base: 'sent' as const })),
  },
  { type: 'counts', id: 'exit_reasons', categories: codes(CODE_LISTS.exitReasons), measures: [{ measure: 'count', metric: 'exit_reason' }], additive: true, population: 'closed_cases', shares: true },
  { type: 'counts', id: 'objectives_met', categories: codes(CODE_LISTS.objectivesMet), measures: [{ measure: 'count', metric: 'objectives_met' }], additive: true, population: 'closed_cases', shares: true },
  {
    type: 'counts',
    id: 'follow_up',
    categories: ['3', '6', '12'],
    measures: [{ measure: 'done', metric: 'follow_up_done' }, ...FOLLOW_UPS.map((outcome) => ({ measure: outcome, metric: `follow_up_${outcome}` }))],
    additive: true,
    rates: FOLLOW_UPS.map((outcome) => ({ measure: `${outcome}_rate` as const, of: outcome, base: 'done' as const })),
  },
  { type: 'counts', id: 'offer_gaps', categories: codes(CODE_LISTS.themes), measures: [{ measure: 'count', metric: 'offer_gap' }], additive: true, population: 'offer_gaps', shares: true },
];

type Cell = SuppressibleCell;

type Coordinate = { region: string | null; month: string | null };

/**
 * Builds every indicator table from summed facts, with the totals over categories, regions and months, and —
 * when `k` is given (anything central) — small-cell suppression over all of them at once: shares, rates and
 * medians are withheld whenever a count they are computed from is.
 */
export function buildIndicatorTables(facts: readonly FactRow[], breakdown: Breakdown, k: number | null): IndicatorTable[] {
  const sums = new Map<string, number>();
  const seen = new Map<string, Set<string>>();
  const histograms = new Map<string, { days: number; n: number }[]>();
  for (const fact of facts) {
    if (DAYS_METRICS.has(fact.metric)) {
      const key = factKey(fact, fact.metric, '');
      let bins = histograms.get(key);
      if (!bins) histograms.set(key, (bins = []));
      bins.push({ days: Number(fact.category), n: fact.n });
      continue;
    }
    sums.set(factKey(fact, fact.metric, fact.category), fact.n);
    let categories = seen.get(fact.metric);
    if (!categories) seen.set(fact.metric, (categories = new Set()));
    categories.add(fact.category);
  }
  const coordinates: Coordinate[] = [];
  for (const region of [...breakdown.regions, null]) for (const month of [...breakdown.months, null]) coordinates.push({ region, month });
  const cells = new Map<string, Cell>();
  const lines: Line[] = [];
  const cellAt = (key: string, value: () => number): Cell => {
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { value: value(), suppressed: false }));
    return cell;
  };
  const count = (coordinate: Coordinate, metric: string, category: string) => sums.get(factKey(coordinate, metric, category)) ?? 0;
  const counted: { row: IndicatorRow; cell: Cell }[] = [];
  const countRow = (coordinate: Coordinate, category: string, measure: IndicatorMeasure, cell: Cell): IndicatorRow => {
    const row: IndicatorRow = { region: coordinate.region, month: coordinate.month, category, measure, value: null, suppressed: false };
    counted.push({ row, cell });
    return row;
  };
  const derived: { row: IndicatorRow; from: Cell[]; compute: () => number | null }[] = [];
  const tables: IndicatorTable[] = [];

  for (const spec of SPECS) {
    const rows: IndicatorRow[] = [];
    const table = { id: spec.id, rows };
    tables.push(table);
    if (spec.type === 'days') {
      for (const coordinate of coordinates) {
        const histogram = (histograms.get(factKey(coordinate, spec.metric, '')) ?? []).filter((bin) => bin.n > 0);
        const n = cellAt(`${spec.id}|count|all|${coordKey(coordinate)}`, () => histogram.reduce((sum, bin) => sum + bin.n, 0));
        rows.push(countRow(coordinate, 'all', 'count', n));
        for (const [measure, fraction] of [['median_days', 0.5], ['p75_days', 0.75]] as const) {
          const row = { region: coordinate.region, month: coordinate.month, category: 'all', measure, value: null, suppressed: false };
          rows.push(row);
          derived.push({ row, from: [n], compute: () => (k !== null && n.value < k ? null : percentile(histogram, fraction)) });
        }
      }
      addGroupLines(lines, breakdown, (coordinate) => cellAt(`${spec.id}|count|all|${coordKey(coordinate)}`, () => 0));
      continue;
    }
    const extra = [...new Set(spec.measures.flatMap(({ metric }) => [...(seen.get(metric) ?? [])]))].filter((category) => !spec.categories.includes(category)).sort();
    const categories = [...spec.categories, ...extra];
    for (const { measure, metric } of spec.measures) {
      const totalKey = (coordinate: Coordinate) => `${spec.population && measure === 'count' ? spec.population : `${spec.id}|${measure}`}|total|${coordKey(coordinate)}`;
      const categoryCell = (coordinate: Coordinate, category: string) => cellAt(`${spec.id}|${measure}|${category}|${coordKey(coordinate)}`, () => count(coordinate, metric, category));
      const totalCell = (coordinate: Coordinate) => cellAt(totalKey(coordinate), () => categories.reduce((sum, category) => sum + count(coordinate, metric, category), 0));
      for (const coordinate of coordinates) {
        const parts = categories.map((category) => categoryCell(coordinate, category));
        categories.forEach((category, i) => rows.push(countRow(coordinate, category, measure, parts[i] as Cell)));
        if (spec.additive) {
          const total = totalCell(coordinate);
          rows.push(countRow(coordinate, 'total', measure, total));
          lines.push({ parts, sum: total });
        }
      }
      for (const category of spec.additive ? [...categories, 'total'] : categories) {
        addGroupLines(lines, breakdown, (coordinate) => (category === 'total' ? totalCell(coordinate) : categoryCell(coordinate, category)));
      }
    }
    for (const coordinate of coordinates) {
      const cellOf = (measure: IndicatorMeasure, category: string) => cells.get(`${spec.id}|${measure}|${category}|${coordKey(coordinate)}`);
      if (spec.shares && spec.population) {
        const population = cells.get(`${spec.population}|total|${coordKey(coordinate)}`);
        for (const category of categories) {
          const part = cellOf('count', category);
          if (!part || !population) continue;
          const row: IndicatorRow = { region: coordinate.region, month: coordinate.month, category, measure: 'share', value: null, suppressed: false };
          rows.push(row);
          derived.push({ row, from: [part, population], compute: () => ratio(part.value, population.value) });
        }
      }
      for (const share of spec.groupShares ?? []) {
        const numerator = share.numerator.map((category) => cellOf('count', category)).filter((cell): cell is Cell => cell !== undefined);
        const denominator = share.denominator.map((category) => cellOf('count', category)).filter((cell): cell is Cell => cell !== undefined);
        const row: IndicatorRow = { region: coordinate.region, month: coordinate.month, category: share.category, measure: 'share', value: null, suppressed: false };
        rows.push(row);
        derived.push({ row, from: [...numerator, ...denominator], compute: () => ratio(sum(numerator), sum(denominator)) });
      }
      for (const rate of spec.rates ?? []) {
        for (const category of [...categories, 'total']) {
          const part = category === 'total' ? cells.get(`${spec.id}|${rate.of}|total|${coordKey(coordinate)}`) : cellOf(rate.of, category);
          const base = category === 'total' ? cells.get(`${spec.id}|${rate.base}|total|${coordKey(coordinate)}`) : cellOf(rate.base, category);
          if (!part || !base) continue;
          const row: IndicatorRow = { region: coordinate.region, month: coordinate.month, category, measure: rate.measure, value: null, suppressed: false };
          rows.push(row);
          derived.push({ row, from: [part, base], compute: () => ratio(part.value, base.value) });
        }
      }
    }
  }

  if (k !== null) suppress(cells.values(), lines, k);
  for (const { row, cell } of counted) {
    row.suppressed = cell.suppressed;
    row.value = cell.suppressed ? null : cell.value;
  }
  for (const { row, from, compute } of derived) {
    row.suppressed = from.some((cell) => cell.suppressed);
    row.value = row.suppressed ? null : compute();
  }
  return tables;
}

/** Lines across regions and across months: the rows of each group add up to its total. */
function addGroupLines(lines: Line[], breakdown: Breakdown, cellAt: (coordinate: Coordinate) => Cell): void {
  for (const month of [...breakdown.months, null]) {
    if (breakdown.regions.length > 0) lines.push({ parts: breakdown.regions.map((region) => cellAt({ region, month })), sum: cellAt({ region: null, month }) });
  }
  for (const region of [...breakdown.regions, null]) {
    if (breakdown.months.length > 0) lines.push({ parts: breakdown.months.map((month) => cellAt({ region, month })), sum: cellAt({ region, month: null }) });
  }
}

function factKey(coordinate: Coordinate, metric: string, category: string): string {
  return `${coordKey(coordinate)}|${metric}|${category}`;
}

function coordKey(coordinate: Coordinate): string {
  return `${coordinate.region ?? '*'}|${coordinate.month ?? '*'}`;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

function sum(cells: readonly Cell[]): number {
  return cells.reduce((total, cell) => total + cell.value, 0);
}

/** The smallest value with at least `fraction` of the observations at or below it (percentile_disc). */
export function percentile(histogram: readonly { days: number; n: number }[], fraction: number): number | null {
  const total = histogram.reduce((all, bin) => all + bin.n, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const bin of [...histogram].sort((a, b) => a.days - b.days)) {
    cumulative += bin.n;
    if (cumulative >= fraction * total) return bin.days;
  }
  return null;
}
