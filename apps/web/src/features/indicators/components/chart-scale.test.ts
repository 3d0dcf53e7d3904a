import { describe, expect, it } from 'vitest';
import { labelEvery, niceMax, ticks } from './chart-scale';

describe('chart scale', () => {
  it('rounds an axis up to a readable bound', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(18)).toBe(20);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(420)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
  });

  it('spaces ticks and thins out labels', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(labelEvery(12, 12)).toBe(1);
    expect(labelEvery(24, 8)).toBe(3);
  });
});
