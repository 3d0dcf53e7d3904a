/**
 * Small-cell suppression for published counts. Primary: a count from 1 to k−1 is not published. Secondary
 * (complementary): the counts of a published table are bound by sums (categories add up to their total,
 * regions to the Flemish total, months to the period); a "line" is such a set of cells with its sum. While a
 * line has exactly one suppressed cell, that cell could be computed from the others, so one more cell of the
 * line is suppressed: the smallest non-zero one that is not the line's sum (zeros and the sum only when
 * nothing else is left). Repeats until every line has zero or at least two suppressed cells.
 */
export interface SuppressibleCell {
  value: number;
  suppressed: boolean;
}

export interface Line {
  /** The cells that add up to `sum`. */
  parts: SuppressibleCell[];
  sum: SuppressibleCell;
}

export function suppress(cells: Iterable<SuppressibleCell>, lines: readonly Line[], k: number): void {
  for (const cell of cells) if (cell.value >= 1 && cell.value < k) cell.suppressed = true;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const all = [...line.parts, line.sum];
      if (all.filter((cell) => cell.suppressed).length !== 1) continue;
      const open = line.parts.filter((cell) => !cell.suppressed);
      const pick =
        smallest(open.filter((cell) => cell.value > 0)) ?? smallest(open) ?? (line.sum.suppressed ? undefined : line.sum);
      if (pick) {
        pick.suppressed = true;
        changed = true;
      }
    }
  }
}

function smallest(cells: SuppressibleCell[]): SuppressibleCell | undefined {
  return cells.reduce<SuppressibleCell | undefined>((best, cell) => (best === undefined || cell.value < best.value ? cell : best), undefined);
}
