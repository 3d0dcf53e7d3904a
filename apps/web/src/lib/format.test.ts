import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatShortDate, formatTime, intlLocale } from './format';

// 5 March 2026, 13:07 UTC = 14:07 in Brussels (CET).
const moment = new Date('2026-03-05T13:07:00Z');

describe('format', () => {
  it('uses Belgian locales for both UI languages', () => {
    expect(intlLocale('nl-BE')).toBe('nl-BE');
    expect(intlLocale('en')).toBe('en-BE');
    expect(intlLocale('xx')).toBe('nl-BE');
  });

  it('formats dates day-first in Brussels time', () => {
    expect(formatDate(moment, 'nl-BE')).toBe('5 maart 2026');
    expect(formatDate(moment, 'en')).toBe('5 March 2026');
    expect(formatShortDate(moment, 'nl-BE')).toBe('05/03/2026');
    expect(formatShortDate(moment, 'en')).toBe('05/03/2026');
    expect(formatTime(moment, 'nl-BE')).toBe('14:07');
    expect(formatDateTime(moment.getTime(), 'en')).toBe('05/03/2026 14:07');
  });

  it('formats numbers with Belgian separators', () => {
    expect(formatNumber(1234567.891, 'nl-BE')).toBe('1.234.567,891');
    expect(formatNumber(1234.5, 'en')).toBe('1.234,5');
    expect(formatNumber(0.256, 'nl-BE', { style: 'percent' })).toBe('26%');
  });
});
