/** Timings of a benchmark scenario, in ms. */
export interface Timings {
  samples: number[];
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

export function timings(samples: readonly number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

/**
 * Runs `once` `runs` times, `concurrency` at a time, and times each call. With `budgetMs`, no new call starts
 * once the budget is spent and at least `minRuns` calls are done (slow scenarios stay bounded in time).
 */
export async function measure(runs: number, concurrency: number, once: () => Promise<unknown>, budget?: { budgetMs: number; minRuns: number }): Promise<Timings> {
  const samples: number[] = [];
  const started = performance.now();
  let begun = 0;
  const more = () => begun < runs && (!budget || begun < budget.minRuns || performance.now() - started < budget.budgetMs);
  const worker = async (): Promise<void> => {
    while (more()) {
      begun++;
      const at = performance.now();
      await once();
      samples.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, runs)) }, worker));
  return timings(samples);
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function bytes(value: number): string {
  return value >= 1_048_576 ? `${(value / 1_048_576).toFixed(2)} MiB` : `${(value / 1024).toFixed(0)} KiB`;
}

/** A plain-text table with aligned columns (first column left, others right). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}
