import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { createApp } from '../app.factory.js';
import { integerFlagsOrExit, log } from '../cli/cli.js';
import { mapBounded } from '../common/async/map-bounded.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { GENERATE_LIMITS, type GeneratedRegion, generateRegions } from '../database/seeds/generated-regions.seed.js';
import { IndicatorAnswerCache } from '../modules/indicators/indicator-answer-cache.js';
import { IndicatorFactsRepository } from '../modules/indicators/indicator-facts.repository.js';
import { buildIndicatorTables } from '../modules/indicators/indicator-tables.js';
import { IndicatorsService, readPeriod } from '../modules/indicators/indicators.service.js';
import { AnalyticsUnitOfWork } from '../tenancy/analytics-unit-of-work.js';
import type { RegionRef } from '../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../tenancy/region-unit-of-work.js';
import { bytes, measure, ms, table, type Timings, timings } from './bench-stats.js';
import { openThrowawayDatabase } from './throwaway-database.js';

/**
 * `pnpm bench:dashboard [--regions 50] [--cases-per-region 20000] [--requests 100] [--explain 1]`: the central
 * indicators (GET /api/v1/central/indicators, the support point's dashboard) on a throw-away embedded
 * PostgreSQL filled by the generator (`pnpm db:generate`), through the real HTTP stack with a signed-in analyst.
 *
 * Baseline, in the same run: the alternative design — computing the same facts live from the regions' raw
 * tables at request time (the SELECT of IndicatorFactsRepository.refresh, for every region, over the app's
 * pool). Also: the maintenance cost of the maintained aggregates (refresh per region), and growth to 100 and
 * 200 regions with cloned facts. Goal: p95 ≤ 300 ms for 50 regions × 20,000 cases.
 */
const FLAGS = {
  regions: { ...GENERATE_LIMITS.regions, default: 50, help: 'generated regions' },
  'cases-per-region': { ...GENERATE_LIMITS.casesPerRegion, default: 20_000, help: 'cases per generated region' },
  requests: { min: 10, max: 10_000, default: 100, help: 'measured requests of the main call (other scenarios scale from it)' },
  explain: { min: 0, max: 1, default: 0, help: '1: print EXPLAIN (ANALYZE, BUFFERS) of the facts query (IndicatorFactsRepository.sums)' },
};
const GOAL_P95_MS = 300;
const HTTP_CONCURRENCY = 4;
const LIVE_CONCURRENCY = 4;
const GROWTH = [100, 200];
/** A scenario stops starting requests after this long (at least 20 are measured): the bench stays bounded when calls are slow. */
const SCENARIO_BUDGET_MS = 60_000;
const ANALYST = { email: 'analist@bench.leerwinkel.test', password: 'Bench-analyst-password-2026' };

const flags = integerFlagsOrExit('pnpm bench:dashboard', FLAGS);
const REQUESTS = flags.requests;

const benchStarted = performance.now();
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const database = await openThrowawayDatabase({
  // A throw-away database: no crash safety needed while loading (reads are unaffected).
  settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  // The bench measures the query, not the rate limiter; the job queue stays off (its refresh would run meanwhile).
  // The answer cache starts off: the main figures are for answers computed from the facts every time.
  env: { JOBS_ENABLED: 'false', SERVE_WEB: 'false', RATE_LIMIT_PER_MINUTE: '1000000', ACCESS_TOKEN_TTL_SECONDS: '3600', INDICATOR_CACHE_ENTRIES: '0' },
});
try {
  const { config } = database;
  await runMigrations(config, () => undefined);
  const identity = databaseIdentity(config.database);
  const owner = createOwnerDataSource(config.database);
  await owner.initialize();

  // --- the data -------------------------------------------------------------------------------------------
  const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
  print(`bench:dashboard — ${new Date().toISOString()} — ${String(os.cpus().length)} cores (load average ${load()}), embedded PostgreSQL (fsync off), pool ${String(config.database.poolSize)}`);
  log(`Generating ${String(flags.regions)} regions × ${flags['cases-per-region'].toLocaleString('en')} cases ...`);
  const generated = await generateRegions(
    owner,
    identity,
    { regions: flags.regions, casesPerRegion: flags['cases-per-region'], months: 36, seed: 1 },
    (line) => {
      log(`  ${line}`);
    },
  );
  const fillTimes = timings(generated.regions.map((region) => region.fillMs));
  const [facts] = await owner.query<[{ rows: number }]>('SELECT count(*)::int AS rows FROM analytics.indicator_fact');
  print(
    `data: ${String(flags.regions)} regions × ${flags['cases-per-region'].toLocaleString('en')} cases (36 months, seed 1): ` +
      `${generated.rows.toLocaleString('en')} rows generated in ${ms(generated.ms)} (fill per region median ${ms(fillTimes.p50)}, 2 at a time); ` +
      `${facts.rows.toLocaleString('en')} indicator fact rows`,
  );

  // --- the app, an analyst ---------------------------------------------------------------------------------
  await owner.query(
    `INSERT INTO platform.user_account (email, display_name, password_hash, status, central_role) VALUES ($1, 'Bench analist', $2, 'active', 'analyst')`,
    [ANALYST.email, await new PasswordHasher().hash(ANALYST.password)],
  );
  const app = await createApp(config, { logger: pino({ level: 'silent' }) });
  await app.listen(0, '127.0.0.1');
  try {
    const base = `http://127.0.0.1:${String((app.getHttpServer().address() as AddressInfo).port)}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ANALYST) });
    if (login.status !== 200) throw new Error(`sign-in failed: ${String(login.status)} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12, 1)).toISOString().slice(0, 10);
    const to = today.toISOString().slice(0, 10);
    const path = (groupBy: string, format?: string) => `/api/v1/central/indicators?from=${from}&to=${to}&groupBy=${groupBy}${format ? `&format=${format}` : ''}`;
    let lastSize = 0;
    const get = async (url: string): Promise<void> => {
      const response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${url}: ${String(response.status)} ${Buffer.from(body).toString('utf8').slice(0, 500)}`);
      lastSize = body.byteLength;
    };
    const scenario = async (label: string, url: string, runs: number, concurrency = HTTP_CONCURRENCY): Promise<Timings & { size: number }> => {
      log(`${label}: warm-up, then ${String(runs)} requests (or ${String(SCENARIO_BUDGET_MS / 1000)} s), ${String(concurrency)} at a time ...`);
      await measure(concurrency, concurrency, () => get(url));
      const result = await measure(runs, concurrency, () => get(url), { budgetMs: SCENARIO_BUDGET_MS, minRuns: 20 });
      return { ...result, size: lastSize };
    };

    // --- the maintained aggregates over HTTP --------------------------------------------------------------
    print(`period ${from} … ${to}; ${String(HTTP_CONCURRENCY)} requests at a time over HTTP (keep-alive), analyst signed in via POST /api/v1/auth/login`);
    const sequential = await scenario('groupBy=region, one at a time', path('region'), REQUESTS, 1);
    const main = await scenario('groupBy=region', path('region'), REQUESTS);
    const byMonth = await scenario('groupBy=month', path('month'), REQUESTS);
    const csv = await scenario('CSV export', path('region', 'csv'), Math.max(10, Math.round(REQUESTS / 2)));
    const xlsx = await scenario('XLSX export', path('region', 'xlsx'), Math.max(10, Math.round(REQUESTS / 4)));
    const httpLine = (label: string, t: Timings & { size: number }, p99 = true) =>
      `${label}: p50 ${ms(t.p50)}, p95 ${ms(t.p95)}${p99 ? `, p99 ${ms(t.p99)}` : ''} (${String(t.samples.length)} requests), response ${bytes(t.size)}`;
    const cache = app.get(IndicatorAnswerCache);
    cache.resize(16);
    const cached = await scenario('groupBy=region, answer cache on', path('region'), REQUESTS);
    cache.resize(0);
    print(`main call GET ${path('region')} (answers computed from the facts every time, cache off)`);
    print(`  ${httpLine('one request at a time', sequential)}   goal p95 ≤ ${String(GOAL_P95_MS)} ms: ${sequential.p95 <= GOAL_P95_MS ? 'met' : 'MISSED'}`);
    print(`  ${httpLine(`${String(HTTP_CONCURRENCY)} at a time`, main)}   goal p95 ≤ ${String(GOAL_P95_MS)} ms: ${main.p95 <= GOAL_P95_MS ? 'met' : 'MISSED'}`);
    print(`  ${httpLine(`${String(HTTP_CONCURRENCY)} at a time, answer cache on (the same view again until the next refresh)`, cached)}`);
    print(`  ${httpLine('groupBy=month', byMonth)}`);
    print(`  ${httpLine('CSV export (groupBy=region)', csv, false)}`);
    print(`  ${httpLine('XLSX export (groupBy=region)', xlsx, false)}`);

    // --- where the time of the main call goes ---------------------------------------------------------------
    const analyticsWork = app.get(AnalyticsUnitOfWork);
    const factsRepository = new IndicatorFactsRepository();
    const period = readPeriod({ from, to }, today);
    const regionsAll = await analyticsWork.run((manager) => factsRepository.activeRegions(manager));
    const sumsQuery = { regionIds: regionsAll.map((region) => region.id), from: period.from, to: period.to, kind: null, byRegion: true, byMonth: false };
    let factRows: Awaited<ReturnType<IndicatorFactsRepository['sums']>> = [];
    const oneAtATime = { budgetMs: SCENARIO_BUDGET_MS / 4, minRuns: 10 };
    const sql = await measure(Math.max(10, Math.round(REQUESTS / 4)), 1, async () => {
      factRows = await analyticsWork.run((manager) => factsRepository.sums(manager, sumsQuery));
    }, oneAtATime);
    const breakdown = { regions: regionsAll.map((region) => region.slug), months: [] };
    const build = await measure(Math.max(10, Math.round(REQUESTS / 4)), 1, () => Promise.resolve(buildIndicatorTables(factRows, breakdown, config.indicatorSuppressionK)), oneAtATime);
    const single = await measure(Math.max(10, Math.round(REQUESTS / 4)), 1, () => get(path('region')), oneAtATime);
    print(
      `  one at a time: p50 ${ms(single.p50)} per request = facts SQL (sums, ${factRows.length.toLocaleString('en')} rows) p50 ${ms(sql.p50)}` +
        ` + building and suppressing the tables p50 ${ms(build.p50)} + the rest (auth, JSON, HTTP) ~${ms(Math.max(0, single.p50 - sql.p50 - build.p50))}`,
    );
    if (flags.explain === 1) {
      const recorded = recordSql();
      await factsRepository.sums(recorded.manager, sumsQuery);
      const [statement] = recorded.statements;
      if (statement) {
        const plan = await analyticsWork.run((manager) => manager.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.parameters));
        print('  EXPLAIN (ANALYZE, BUFFERS) of IndicatorFactsRepository.sums (groupBy=region, all regions), as the analytics role:');
        for (const row of plan) print(`    ${row['QUERY PLAN']}`);
      }
    }

    // --- baseline: the same facts computed live from the raw tables ----------------------------------------
    const regionWork = app.get(RegionUnitOfWork);
    const liveSql = await factsSelect();
    const refs: RegionRef[] = generated.regions.map((region: GeneratedRegion) => ({ id: region.id, slug: region.slug, schemaName: region.schemaName, roleName: region.roleName }));
    let liveRows = 0;
    const liveOnce = async (): Promise<void> => {
      const counts = await mapBounded(refs, LIVE_CONCURRENCY, (ref) => regionWork.runIn(ref, async (manager) => (await manager.query<unknown[]>(liveSql, [ref.id])).length));
      liveRows = counts.reduce((sum, n) => sum + n, 0);
    };
    log(`live baseline: warm-up, then runs over ${String(refs.length)} regions, ${String(LIVE_CONCURRENCY)} at a time ...`);
    await liveOnce();
    const live = await measure(Math.max(5, Math.round(REQUESTS / 20)), 1, liveOnce, { budgetMs: SCENARIO_BUDGET_MS, minRuns: 3 });
    print(`baseline (live): the facts SELECT of IndicatorFactsRepository.refresh for all ${String(refs.length)} regions (36 months), in region units of work, ${String(LIVE_CONCURRENCY)} at a time, no HTTP`);
    print(`  p50 ${ms(live.p50)}, p95 ${ms(live.p95)} (${String(live.samples.length)} runs after a warm-up run, ${liveRows.toLocaleString('en')} fact rows per run)`);
    print(`  ratio live / maintained aggregates (main call over HTTP): p50 ${(live.p50 / main.p50).toFixed(1)}×, p95 ${(live.p95 / main.p95).toFixed(1)}×`);

    // --- maintenance: refreshing the aggregates -------------------------------------------------------------
    const indicators = app.get(IndicatorsService);
    log('maintenance: refreshing every region once, one after the other (as the refresh job does) ...');
    const refreshStarted = performance.now();
    const refreshSamples: number[] = [];
    for (const ref of refs) {
      const started = performance.now();
      await indicators.refresh(ref);
      refreshSamples.push(performance.now() - started);
    }
    const refreshAll = performance.now() - refreshStarted;
    const refresh = timings(refreshSamples);
    print(
      `maintenance: refresh one region (${flags['cases-per-region'].toLocaleString('en')} cases, as the region role): median ${ms(refresh.p50)}, p95 ${ms(refresh.p95)}; ` +
        `all ${String(refs.length)} regions one after the other ${ms(refreshAll)} (the job runs every 10 minutes)`,
    );

    // --- growth: cloned regions ---------------------------------------------------------------------------
    print(`growth: regions beyond the ${String(refs.length)} generated ones are CLONES — a platform.region row (no schema) with a copy of a generated region's indicator_fact rows`);
    const growth: { regions: number; t: Timings & { size: number } }[] = [{ regions: refs.length, t: sequential }];
    let total = refs.length;
    for (const target of GROWTH.filter((n) => n > refs.length)) {
      await cloneRegions(owner, identity.rolePrefix, refs, total, target);
      total = target;
      await owner.query('ANALYZE analytics.indicator_fact, analytics.region_refresh, platform.region');
      growth.push({ regions: target, t: await scenario(`groupBy=region, ${String(target)} regions, one at a time`, path('region'), REQUESTS, 1) });
    }
    const growthRows = growth.map(({ regions, t }) => [
      String(regions), String(t.samples.length), ms(t.p50), ms(t.p95), `${(t.p50 / sequential.p50).toFixed(2)}×`, `${(t.p95 / sequential.p95).toFixed(2)}×`, bytes(t.size),
    ]);
    const vs = `vs ${String(refs.length)}`;
    for (const line of table(['regions', 'requests', 'p50', 'p95', `p50 ${vs}`, `p95 ${vs}`, 'response'], growthRows)) print(`  ${line}`);

    // --- summary ------------------------------------------------------------------------------------------
    print();
    print(`summary (${String(flags.regions)} regions × ${flags['cases-per-region'].toLocaleString('en')} cases, main call = groupBy=region over 13 months, all regions)`);
    const row = (label: string, t: Timings, note = ''): string[] => [label, ms(t.p50), ms(t.p95), note];
    const summary = [
      row('main call, one at a time (HTTP)', sequential, `goal p95 ≤ ${String(GOAL_P95_MS)} ms: ${sequential.p95 <= GOAL_P95_MS ? 'met' : 'MISSED'}`),
      row(`main call, ${String(HTTP_CONCURRENCY)} at a time (HTTP)`, main, `goal p95 ≤ ${String(GOAL_P95_MS)} ms: ${main.p95 <= GOAL_P95_MS ? 'met' : 'MISSED'}`),
      row(`main call, ${String(HTTP_CONCURRENCY)} at a time, answer cache on`, cached),
      row('groupBy=month (HTTP)', byMonth),
      row('CSV export (HTTP)', csv),
      row('XLSX export (HTTP)', xlsx),
      row('baseline: live facts from raw tables', live, `${(live.p50 / main.p50).toFixed(1)}× the main call (p50)`),
      row('refresh one region', refresh, `all regions: ${ms(refreshAll)}`),
      ...growth.slice(1).map(({ regions, t }) => row(`main call, ${String(regions)} regions (clones), one at a time`, t, `${(t.p95 / sequential.p95).toFixed(2)}× p95 at ${String(refs.length)}`)),
    ];
    for (const line of table(['', 'p50', 'p95', ''], summary)) print(line);
    print(`generation ${ms(generated.ms)}; whole bench ${ms(performance.now() - benchStarted)}; load average at the end ${load()}`);
  } finally {
    await app.close();
    await owner.destroy();
  }
} finally {
  await database.stop();
}

/**
 * The facts SELECT of IndicatorFactsRepository.refresh (what it would insert, without writing), taken from
 * the statement refresh sends — so the baseline always runs the very query the refresh runs. `$1` is the
 * region id.
 */
async function factsSelect(): Promise<string> {
  const recorded = recordSql();
  await new IndicatorFactsRepository().refresh(recorded.manager, '00000000-0000-0000-0000-000000000000');
  const insert = recorded.statements.map((statement) => statement.sql).find((sql) => /INSERT INTO analytics\.indicator_fact\b/.test(sql));
  const start = insert?.search(/\bSELECT\b/) ?? -1;
  const end = insert?.lastIndexOf('RETURNING') ?? -1;
  if (!insert || start < 0 || end < start) throw new Error('cannot find the facts SELECT in IndicatorFactsRepository.refresh (its statement changed shape)');
  return insert.slice(start, end);
}

/** A stand-in EntityManager that records statements instead of running them (answers no rows). */
function recordSql(): { manager: EntityManager; statements: { sql: string; parameters: unknown[] }[] } {
  const statements: { sql: string; parameters: unknown[] }[] = [];
  const manager = {
    query: (sql: string, parameters: unknown[] = []) => {
      statements.push({ sql, parameters });
      return Promise.resolve([[], 0]);
    },
  } as unknown as EntityManager;
  return { manager, statements };
}

/** Registers clones clone-NNN up to `target` regions, each with a copy of a generated region's facts. */
async function cloneRegions(owner: DataSource, prefix: string, sources: readonly RegionRef[], from: number, target: number): Promise<void> {
  const numbers = Array.from({ length: target - from }, (_, i) => from + i + 1);
  const slugs = numbers.map((n) => `clone-${String(n).padStart(3, '0')}`);
  await owner.transaction(async (manager) => {
    const created = await manager.query<{ id: string; slug: string }[]>(
      `INSERT INTO platform.region (slug, display_name, schema_name, role_name)
       SELECT s, 'Kloon ' || s, 'region_' || replace(s, '-', '_'), $2 || '_r_' || replace(s, '-', '_') FROM unnest($1::text[]) AS s
       RETURNING id, slug`,
      [slugs, prefix],
    );
    const sourceOf = (slug: string) => sources[(Number(slug.slice('clone-'.length)) - 1) % sources.length]?.id;
    const pairs = created.map((region) => [region.id, sourceOf(region.slug)] as const);
    await manager.query(
      `INSERT INTO analytics.indicator_fact (region_id, month, kind, metric, category, n)
       SELECT p.clone, f.month, f.kind, f.metric, f.category, f.n
         FROM unnest($1::uuid[], $2::uuid[]) AS p (clone, source) JOIN analytics.indicator_fact f ON f.region_id = p.source`,
      [pairs.map(([clone]) => clone), pairs.map(([, source]) => source)],
    );
    await manager.query(
      `INSERT INTO analytics.region_refresh (region_id, refreshed_at, duration_ms, fact_rows)
       SELECT p.clone, r.refreshed_at, r.duration_ms, r.fact_rows
         FROM unnest($1::uuid[], $2::uuid[]) AS p (clone, source) JOIN analytics.region_refresh r ON r.region_id = p.source`,
      [pairs.map(([clone]) => clone), pairs.map(([, source]) => source)],
    );
  });
}
