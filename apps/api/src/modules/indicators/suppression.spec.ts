import { describe, expect, it } from '@jest/globals';
import { type Line, type SuppressibleCell, suppress } from './suppression.js';

const cell = (value: number): SuppressibleCell => ({ value, suppressed: false });

describe('small-cell suppression', () => {
  it('suppresses counts from 1 to k−1, never 0 or k and above', () => {
    const cells = [0, 1, 4, 5, 120].map(cell);
    suppress(cells, [], 5);
    expect(cells.map((c) => c.suppressed)).toEqual([false, true, true, false, false]);
  });

  it('suppresses a second cell when a total would reveal the first', () => {
    const parts = [cell(3), cell(40), cell(12), cell(0)];
    const total = cell(55);
    suppress([...parts, total], [{ parts, sum: total }], 5);
    expect(parts.map((c) => c.suppressed)).toEqual([true, false, true, false]);
    expect(total.suppressed).toBe(false);
  });

  it('propagates through crossing lines (a region × category table with both margins) until no line has a single hole', () => {
    // rows: regions A, B, C; columns: categories x, y; margins: row totals, column totals, grand total.
    const grid = [
      [cell(2), cell(30)],
      [cell(20), cell(25)],
      [cell(11), cell(14)],
    ];
    const rowTotals = grid.map((row) => cell(row.reduce((sum, c) => sum + c.value, 0)));
    const colTotals = [0, 1].map((j) => cell(grid.reduce((sum, row) => sum + (row[j]?.value ?? 0), 0)));
    const grand = cell(rowTotals.reduce((sum, c) => sum + c.value, 0));
    const lines: Line[] = [
      ...grid.map((row, i) => ({ parts: row, sum: rowTotals[i] as SuppressibleCell })),
      ...[0, 1].map((j) => ({ parts: grid.map((row) => row[j] as SuppressibleCell), sum: colTotals[j] as SuppressibleCell })),
      { parts: rowTotals, sum: grand },
      { parts: colTotals, sum: grand },
    ];
    suppress([...grid.flat(), ...rowTotals, ...colTotals, grand], lines, 5);
    for (const line of lines) expect([...line.parts, line.sum].filter((c) => c.suppressed).length).not.toBe(1);
    expect(grid[0]?.[0]?.suppressed).toBe(true);
  });

  it('falls back to the sum when a line has nothing else to hide behind', () => {
    const parts = [cell(3)];
    const total = cell(3);
    suppress([...parts, total], [{ parts, sum: total }], 5);
    expect(total.suppressed).toBe(true);
  });
});
