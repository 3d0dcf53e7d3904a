import os from 'node:os';
import { integerFlagsOrExit, log } from '../cli/cli.js';
import { formatSoakReport, runSoak, soakProblems } from './soak.js';

/**
 * `pnpm soak [--minutes 10] [--concurrency 8] [--regions 2] [--cases-per-region 5000] [--pool-size 10]`: the
 * production build under mixed load on a throw-away embedded PostgreSQL (see soak.ts). Prints requests,
 * errors, connections against the pool size and the API's memory over time; exits 1 on an unexpected answer,
 * an error in the API's log, a connection leak, an unclean shutdown or a memory trend.
 */
const flags = integerFlagsOrExit('pnpm soak', {
  minutes: { min: 1, max: 240, default: 10, help: 'minutes of load' },
  concurrency: { min: 1, max: 64, default: 8, help: 'requests in flight at any time' },
  regions: { min: 1, max: 20, default: 2, help: 'generated regions (the load uses the first)' },
  'cases-per-region': { min: 100, max: 100_000, default: 5_000, help: 'cases per generated region' },
  'pool-size': { min: 1, max: 100, default: 10, help: "the API's DATABASE_POOL_SIZE" },
});

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
print(`soak — ${new Date().toISOString()} — ${String(os.cpus().length)} cores, load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
const report = await runSoak({
  durationMs: flags.minutes * 60_000,
  concurrency: flags.concurrency,
  regions: flags.regions,
  casesPerRegion: flags['cases-per-region'],
  poolSize: flags['pool-size'],
  sampleEveryMs: 10_000,
  log,
});
for (const line of formatSoakReport(report)) print(line);
const problems = soakProblems(report, true);
print(problems.length === 0 ? 'verdict: PASS — no error, no connection leak, no memory trend' : `verdict: FAIL\n  ${problems.join('\n  ')}`);
process.exit(problems.length === 0 ? 0 : 1);
