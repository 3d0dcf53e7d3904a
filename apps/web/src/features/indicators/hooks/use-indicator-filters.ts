import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CODE_LISTS, codes, isRegionSlug } from '@leerwinkel/contracts';
import { brusselsDate, firstOfMonthBefore, isCalendarDate } from '@/lib/dates';
import type { CentralIndicatorQuery } from '../api/central-indicators-query';

export type CaseKindFilter = NonNullable<CentralIndicatorQuery['kind']>;

/** The kinds of case, in code-list order. */
export const CASE_KINDS: readonly CaseKindFilter[] = codes(CODE_LISTS.caseKinds);
/** The search parameters the filters own; others in the address are left alone. */
const FILTER_PARAMS = ['from', 'to', 'kind', 'regions'] as const;

/** What a dashboard shows: a period, optionally one kind of case and (support point) some regions. */
export interface IndicatorFilterValues {
  from: string;
  to: string;
  kind: CaseKindFilter | undefined;
  /** Region slugs; empty: all regions. */
  regions: readonly string[];
}

export function isCaseKind(value: string | null): value is CaseKindFilter {
  return value !== null && (CASE_KINDS as readonly string[]).includes(value);
}

/** The default period: the last 12 months, from the first day of the month 11 months ago through today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: firstOfMonthBefore(today, 11), to: today };
}

/** The filters in the address (?from=&to=&kind=&regions=a,b), with defaults for what is missing or malformed. */
export function readFilters(params: URLSearchParams, today: string): IndicatorFilterValues {
  const period = defaultPeriod(today);
  const date = (name: 'from' | 'to') => {
    const value = params.get(name);
    return value !== null && isCalendarDate(value) ? value : period[name];
  };
  const kind = params.get('kind');
  const regions = [...new Set((params.get('regions') ?? '').split(',').map((slug) => slug.trim()))]
    .filter((slug) => isRegionSlug(slug))
    .sort();
  return { from: date('from'), to: date('to'), kind: isCaseKind(kind) ? kind : undefined, regions };
}

/** `params` with the filters replaced by `values` (a period always; kind and regions only when chosen). */
export function writeFilters(params: URLSearchParams, values: IndicatorFilterValues): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_PARAMS) next.delete(name);
  next.set('from', values.from);
  next.set('to', values.to);
  if (values.kind !== undefined) next.set('kind', values.kind);
  if (values.regions.length > 0) next.set('regions', [...values.regions].sort().join(','));
  return next;
}

/**
 * The dashboard's filters, kept in the address so that a view can be bookmarked and shared. Without
 * parameters the dashboard shows the default view (the last 12 months, every region, both kinds).
 */
export function useIndicatorFilters() {
  const [params, setParams] = useSearchParams();
  // "Today" stays the same while the page is open, so the default view does not change at midnight.
  const [today] = useState(() => brusselsDate());
  return {
    values: readFilters(params, today),
    /** True when the address holds no filter: the default view. */
    isDefault: FILTER_PARAMS.every((name) => !params.has(name)),
    apply: (values: IndicatorFilterValues) => {
      setParams((current) => writeFilters(current, values));
    },
    reset: () => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const name of FILTER_PARAMS) next.delete(name);
        return next;
      });
    },
  };
}
