import { describe, expect, it } from '@jest/globals';
import { formatSoakReport, runSoak, soakProblems } from '../../src/bench/soak.js';

/**
 * The short form of `pnpm soak` (issue 10, point 5): the same driver for 30 seconds against the production build
 * (dist/main.js, built by `pnpm test`). Asserts no unexpected answer, no error in the API's log, the request pool
 * never above its size and idle afterwards, a clean SIGTERM. The memory trend is printed, not asserted: over
 * half a minute RSS is still dominated by warm-up and garbage-collector timing; `pnpm soak` (10 minutes) judges it.
 */
describe('soak (short form)', () => {
  it('30 s of mixed load: no error, no connection leak, clean shutdown', async () => {
    const report = await runSoak({ durationMs: 30_000, concurrency: 6, regions: 1, casesPerRegion: 300, poolSize: 6, sampleEveryMs: 2_000, log: () => undefined });
    process.stdout.write(`${formatSoakReport(report).join('\n')}\n`);
    expect(report.requests).toBeGreaterThan(100);
    expect(soakProblems(report, false)).toEqual([]);
    expect(Math.max(...report.samples.map((s) => s.apiConnections))).toBeLessThanOrEqual(6);
    expect(report.idleAfter.apiActive).toBe(0);
  });
});
