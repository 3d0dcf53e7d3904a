/**
 * Belgian formatting for the UI languages. Dutch uses nl-BE; English uses en-BE so that dates
 * read day/month/year and numbers use Belgian separators (1.234,5) in both languages.
 */
const INTL_LOCALES: Record<string, string> = {
  'nl-BE': 'nl-BE',
  en: 'en-BE',
};

/** The clock every date and time is shown on. */
export const TIME_ZONE = 'Europe/Brussels';

export function intlLocale(language: string): string {
  return INTL_LOCALES[language] ?? 'nl-BE';
}

function toDate(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date, e.g. "29 november 2026" (nl-BE) or "29 November 2026" (en). */
export function formatDate(value: Date | number | string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    toDate(value),
  );
}

/** A short numeric date, e.g. "29/11/2026". */
export function formatShortDate(value: Date | number | string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** A 24-hour clock time in Brussels time, e.g. "14:05". */
export function formatTime(value: Date | number | string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** A date with time, e.g. "29/11/2026 14:05". */
export function formatDateTime(value: Date | number | string, language: string): string {
  return `${formatShortDate(value, language)} ${formatTime(value, language)}`;
}

/** A number with Belgian separators, e.g. "1.234,5". */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}
