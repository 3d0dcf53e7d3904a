import { describe, expect, it } from 'vitest';
import {
  ageOn,
  brusselsDate,
  brusselsDateTimeLocal,
  brusselsLocalToIso,
  firstOfMonthBefore,
  isCalendarDate,
  monthsBetween,
} from './dates';

describe('dates', () => {
  it('reads the Brussels calendar and clock, whatever the browser time zone', () => {
    // 23:30 UTC on 31 December is already New Year in Brussels.
    expect(brusselsDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(brusselsDateTimeLocal(new Date('2026-03-05T13:07:00Z'))).toBe('2026-03-05T14:07');
    expect(brusselsDateTimeLocal(new Date('2026-07-01T08:00:00Z'))).toBe('2026-07-01T10:00');
  });

  it('turns a date-time input into ISO 8601 with the Brussels offset of that moment', () => {
    expect(brusselsLocalToIso('2026-03-05T14:07')).toBe('2026-03-05T14:07:00+01:00');
    expect(brusselsLocalToIso('2026-07-01T10:00')).toBe('2026-07-01T10:00:00+02:00');
    expect(new Date(brusselsLocalToIso('2026-03-29T03:30') ?? '').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(brusselsLocalToIso('2026-02-30T10:00')).toBeUndefined();
    expect(brusselsLocalToIso('gisteren')).toBeUndefined();
  });

  it('knows real calendar dates and counts ages like the API', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('12/04/1987')).toBe(false);
    expect(ageOn('1987-04-12', '2026-04-11')).toBe(38);
    expect(ageOn('1987-04-12', '2026-04-12')).toBe(39);
  });

  it('counts whole months back and lists the months of a period', () => {
    expect(firstOfMonthBefore('2026-03-05', 11)).toBe('2025-04-01');
    expect(firstOfMonthBefore('2026-12-31', 0)).toBe('2026-12-01');
    expect(monthsBetween('2025-11-01', '2026-02-28')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-10', '2026-03-12')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
