import { describe, expect, it } from 'vitest';
import { formatMonth, formatPercent } from './format-figures';

describe('format figures', () => {
  it('formats shares as Belgian percentages', () => {
    expect(formatPercent(0.1234, 'nl-BE')).toBe('12,3%');
    expect(formatPercent(0.5, 'en')).toBe('50%');
  });

  it('names months in the UI language, on the Brussels calendar', () => {
    expect(formatMonth('2026-03', 'nl-BE')).toBe('maart 2026');
    expect(formatMonth('2026-03', 'nl-BE', 'short')).toBe('mrt 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });
});
