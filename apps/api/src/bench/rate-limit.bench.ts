import os from 'node:os';
import { DataSource } from 'typeorm';
import { RateLimitRepository } from '../common/auth/rate-limit.repository.js';
import { appConnectionOptions } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { measure, table, type Timings } from './bench-stats.js';
import { openThrowawayDatabase } from './throwaway-database.js';

/**
 * `pnpm bench:rate-limit`: what the shared rate-limit counters cost per request. Every request sends one
 * statement (`RateLimitRepository.hit`) over the runtime pool; the baseline, measured in the same run on the
 * same pool, is the cheapest round trip there is (`SELECT 1`). Throw-away embedded PostgreSQL with its
 * default durability settings; the counters' table is UNLOGGED as in production.
 */
const SEQUENTIAL = 2_000;
const CONCURRENT = 8_000;
const IN_FLIGHT = 16;

/** Sub-millisecond figures need two decimals. */
const ms = (value: number): string => `${value.toFixed(2)} ms`;

const database = await openThrowawayDatabase({ env: { DATABASE_POOL_SIZE: String(IN_FLIGHT) } });
try {
  const { config } = database;
  await runMigrations(config, () => undefined);
  const app = new DataSource(appConnectionOptions(config.database));
  await app.initialize();
  const counters = new RateLimitRepository(app);
  const principals = Array.from({ length: 1_000 }, (_, i) => `user:bench-${String(i)}`);
  let n = 0;
  const scenarios: [string, number, () => Promise<unknown>][] = [
    ['baseline: SELECT 1', SEQUENTIAL, () => app.query('SELECT 1')],
    ['one key (every signed-in request)', SEQUENTIAL, () => counters.hit([principals[n++ % principals.length] ?? ''], false)],
    ['three keys (sign-in routes)', SEQUENTIAL, () => counters.hit([`ip:bench-${String(n % 50)}`, `login-ip:bench-${String(n % 50)}`, `login-account:${String(n++ % 1000)}`], false)],
    [`baseline: SELECT 1, ${String(IN_FLIGHT)} at a time`, CONCURRENT, () => app.query('SELECT 1')],
    [`1,000 principals, ${String(IN_FLIGHT)} at a time`, CONCURRENT, () => counters.hit([principals[n++ % principals.length] ?? ''], false)],
    [`one hot principal, ${String(IN_FLIGHT)} at a time`, CONCURRENT, () => counters.hit(['client:bench-hot'], false)],
  ];
  const results: [string, Timings, number][] = [];
  for (const [name, runs, once] of scenarios) {
    const inFlight = runs === CONCURRENT ? IN_FLIGHT : 1;
    await measure(200, inFlight, once); // warm-up
    const started = performance.now();
    const timings = await measure(runs, inFlight, once);
    results.push([name, timings, (runs / (performance.now() - started)) * 1000]);
  }
  const [sequentialBase, , , concurrentBase] = results;
  const rows = results.map(([name, timings, perSecond], i) => {
    const base = (i < 3 ? sequentialBase : concurrentBase)?.[1].p50 ?? Number.NaN;
    return [name, ms(timings.p50), ms(timings.p95), `${Math.round(perSecond).toLocaleString('en')}/s`, `+${ms(timings.p50 - base)} (${(timings.p50 / base).toFixed(1)}×)`];
  });
  const [counted] = await app.query<[{ n: number }]>('SELECT count(*)::int AS n FROM platform.rate_limit_window');
  await app.destroy();
  const lines = [
    `pnpm bench:rate-limit — ${new Date().toISOString()} — ${String(os.cpus().length)} cores, load ${os.loadavg()[0]?.toFixed(1) ?? '?'}, embedded PostgreSQL`,
    '',
    ...table(['scenario', 'p50', 'p95', 'throughput', 'p50 over the baseline'], rows),
    '',
    `${String(counted.n)} counter rows (keys × one-minute windows) at the end.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await database.stop();
}
