import { formatNumber, intlLocale, TIME_ZONE } from './format';

/*
 * Belgian formats that only the (lazily loaded) dashboards use. They live apart from ./format, which the
 * entry chunk contains, so that they do not add to the first download.
 */

/** A fraction (0..1) as a Belgian percentage with at most one decimal, e.g. 0.1234 → "12,3%". */
export function formatPercent(fraction: number, language: string): string {
  return formatNumber(fraction, language, { style: 'percent', maximumFractionDigits: 1 });
}

/** A calendar month written `YYYY-MM`, e.g. "maart 2026" (long) or "mrt 2026" (short). */
export function formatMonth(month: string, language: string, style: 'long' | 'short' = 'long'): string {
  // Mid-month at noon: the same month on the Brussels clock whatever the offset.
  return new Intl.DateTimeFormat(intlLocale(language), { month: style, year: 'numeric', timeZone: TIME_ZONE }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}
