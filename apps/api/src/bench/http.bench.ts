import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { describeFlags, log, readIntegerFlags, UsageError } from '../cli/cli.js';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { generateRegions } from '../database/seeds/generated-regions.seed.js';
import { quoteIdent } from '../tenancy/region-naming.js';
import { BASELINE_APPLICATION_NAME } from './baseline-server.js';
import { table } from './bench-stats.js';
import { summariseCpuProfile } from './cpu-profile.js';
import { cpuMs, type LoadResult, residentMiB, runLoad, sampleEvery, type ServerProcess, slope, startServer, type Step } from './http-load.js';
import { freePort, openThrowawayDatabase } from './throwaway-database.js';

/**
 * `pnpm bench:read | bench:spread | bench:write | bench:memory` (all four, in that order, in `pnpm bench`):
 * `node dist/bench/http.bench.js <read,spread,write,memory | all> [flags]`.
 *
 * A throw-away embedded PostgreSQL filled by the generator of `pnpm db:generate` (N regions), one user who is
 * coordinator of every region, and the API's production build started as `pnpm start` starts it
 * (`node dist/cli/start.js`, NODE_ENV=production, request logs on — to /dev/null —, the job queue off, the rate
 * limit raised) in a process of its own; autocannon drives it from this process.
 *
 * - read:   the case page's reads (GET the case, its status changes, its conversations), random case in a
 *           random region, against the baseline server (node:http + pg, the same SQL, the same pool size —
 *           src/bench/baseline-server.ts) run alternately in the same run. Goal: API ≥ 0.6 × baseline req/s.
 * - spread: the same reads over all regions versus all in one region. Goal: ≥ 0.9 × the one-region req/s, and
 *           the API's open database connections never above its pool size.
 * - write:  POST a conversation (contact), API and baseline; rows written = 2xx answers.
 * - memory: the API's resident memory before, during and after `--minutes` of mixed load (the reads + a
 *           write), its trend over the second half (least squares, MiB per minute).
 */
const SCENARIOS = ['read', 'spread', 'write', 'memory'] as const;
type Scenario = (typeof SCENARIOS)[number];
const FLAGS = {
  regions: { min: 2, max: 999, default: 200, help: 'generated regions (the spread)' },
  'cases-per-region': { min: 10, max: 100_000, default: 100, help: 'cases per generated region' },
  seconds: { min: 2, max: 600, default: 8, help: 'length of one measured run' },
  rounds: { min: 1, max: 10, default: 2, help: 'measured runs of each side, alternating' },
  connections: { min: 1, max: 512, default: 16, help: 'concurrent keep-alive connections of the load generator' },
  minutes: { min: 1, max: 120, default: 5, help: 'memory: minutes of mixed load' },
  profile: { min: 0, max: 1, default: 0, help: '1: CPU profile of the API process (node --cpu-prof), top functions printed at the end' },
};
const GOALS = { read: 0.6, spread: 0.9 };
/** Growth of resident memory (MiB per minute, second half of the load) above which the memory bench says GROWING. */
const GROWTH_LIMIT_MIB_PER_MINUTE = 2;
const WARM_UP_SECONDS = 5;
const CASES_PER_REGION_USED = 50;
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { scenarios, flags } = parseArguments(process.argv.slice(2));
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
const benchStarted = performance.now();

interface Target {
  slug: string;
  caseId: string;
}

const secrets = {
  DATABASE_APP_PASSWORD: randomBytes(24).toString('base64url'),
  JWT_SECRET: randomBytes(32).toString('base64url'),
  FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
const database = await openThrowawayDatabase({ env: secrets });
const servers: ServerProcess[] = [];
const profileDir = flags.profile === 1 ? mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-cpu-prof-')) : undefined;
try {
  const { config } = database;
  const poolSize = config.database.poolSize;
  await runMigrations(config, () => undefined);
  const owner = createOwnerDataSource(config.database, 2);
  await owner.initialize();
  try {
    print(`bench:http (${scenarios.join(', ')}) — ${new Date().toISOString()} — ${String(os.cpus().length)} cores, load average ${load()}, Node.js ${process.version}, embedded PostgreSQL`);
    log(`Generating ${String(flags.regions)} regions × ${String(flags['cases-per-region'])} cases ...`);
    const generated = await generateRegions(owner, databaseIdentity(config.database), { regions: flags.regions, casesPerRegion: flags['cases-per-region'], months: 24, seed: 1 }, () => undefined);
    const regions = await Promise.all(
      generated.regions.map(async (region) => ({
        slug: region.slug,
        schemaName: region.schemaName,
        caseIds: (await owner.query<{ id: string }[]>(`SELECT id FROM ${quoteIdent(region.schemaName)}.guidance_case ORDER BY id LIMIT ${String(CASES_PER_REGION_USED)}`)).map((row) => row.id),
      })),
    );
    const user = { email: 'bench@bench.leerwinkel.test', password: randomBytes(18).toString('base64url') };
    const [{ id: userId }] = await owner.query<[{ id: string }]>(
      `INSERT INTO platform.user_account (email, display_name, password_hash, status) VALUES ($1, 'Bench coördinator', $2, 'active') RETURNING id`,
      [user.email, await new PasswordHasher().hash(user.password)],
    );
    await owner.query(`INSERT INTO platform.region_membership (user_id, region_id, role) SELECT $1, id, 'coordinator' FROM platform.region WHERE slug LIKE 'gen-%'`, [userId]);
    print(`data: ${String(regions.length)} regions × ${String(flags['cases-per-region'])} cases (generator, seed 1), ${generated.rows.toLocaleString('en')} rows in ${(generated.ms / 1000).toFixed(1)} s; requests go to ${String(CASES_PER_REGION_USED)} cases per region`);

    const env = {
      ...secrets,
      NODE_ENV: 'production',
      DATABASE_URL: databaseIdentity(config.database).ownerUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'false',
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    };
    /** The application_name each server's pool connects with (data-sources.ts, baseline-server.ts). */
    const applicationNames = new Map<ServerProcess, string>();
    const startApi = async (profiled: boolean): Promise<ServerProcess> => {
      const port = await freePort();
      const server = await startServer(path.join(DIST, 'cli', 'start.js'), {
        env: { ...env, PORT: String(port) },
        port,
        ready: /Leerwinkel is running at/,
        quietStdout: true,
        nodeArgs: profiled && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      });
      servers.push(server);
      applicationNames.set(server, 'leerwinkel-api');
      return server;
    };
    const startBaseline = async (): Promise<ServerProcess> => {
      const port = await freePort();
      const server = await startServer(path.join(DIST, 'bench', 'baseline-server.main.js'), { env: { ...env, PORT: String(port) }, port, ready: /^ready \d+/m });
      servers.push(server);
      applicationNames.set(server, BASELINE_APPLICATION_NAME);
      return server;
    };
    const stop = async (server: ServerProcess): Promise<void> => {
      await server.stop();
      servers.splice(servers.indexOf(server), 1);
    };

    const api = await startApi(true);
    const signIn = await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${String(signIn.status)} ${await signIn.text()}`);
    const authorization = `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}`;

    const random = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
    const anywhere = (): Target => {
      const region = random(regions);
      return { slug: region.slug, caseId: random(region.caseIds) };
    };
    const firstRegion = regions[0];
    if (!firstRegion) throw new Error('no region generated');
    const inOneRegion = (): Target => ({ slug: firstRegion.slug, caseId: random(firstRegion.caseIds) });
    const casePath = (t: Target) => `/api/v1/regions/${t.slug}/cases/${t.caseId}`;
    const reads: Step<Target>[] = [
      { method: 'GET', path: casePath },
      { method: 'GET', path: (t) => `${casePath(t)}/transitions` },
      { method: 'GET', path: (t) => `${casePath(t)}/contacts` },
    ];
    const kinds = CODE_LISTS.contactKinds.map((entry) => entry.code);
    const write: Step<Target> = {
      method: 'POST',
      path: (t) => `${casePath(t)}/contacts`,
      body: () => JSON.stringify({ occurredAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 45, channel: 'phone', kind: random(kinds), notes: 'Gesprek tijdens de benchmark' }),
    };

    /** Max open connections of an application name while `work` runs (pg_stat_activity every 100 ms). */
    const connectionsDuring = async <T>(applicationName: string, work: () => Promise<T>): Promise<{ result: T; maxConnections: number }> => {
      const sampler = sampleEvery(100, async () => {
        const [row] = await owner.query<[{ n: number }]>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
        return row.n;
      });
      const result = await work();
      const samples = await sampler.stop();
      return { result, maxConnections: Math.max(0, ...samples.map((s) => s.value)) };
    };
    const countContacts = async (): Promise<number> => {
      const [row] = await owner.query<[{ n: string }]>(`SELECT ${regions.map((r) => `(SELECT count(*) FROM ${quoteIdent(r.schemaName)}.contact)`).join(' + ')} AS n`);
      return Number(row.n);
    };
    interface Run extends LoadResult {
      label: string;
      maxConnections: number;
      /** CPU time of the server process per answered request (ms). */
      cpuPerRequest: number;
      rowsWritten?: number;
    }
    const run = async (label: string, server: ServerProcess, steps: readonly Step<Target>[], pick: () => Target, options: { seconds?: number; amount?: number; countRows?: boolean } = {}): Promise<Run> => {
      const applicationName = applicationNames.get(server) ?? 'leerwinkel-api';
      const before = options.countRows ? await countContacts() : 0;
      const cpuBefore = cpuMs(server.pid);
      const { result, maxConnections } = await connectionsDuring(applicationName, () =>
        runLoad({ url: server.url, connections: flags.connections, seconds: options.seconds ?? flags.seconds, amount: options.amount, authorization, steps, pick }),
      );
      const cpuPerRequest = (cpuMs(server.pid) - cpuBefore) / Math.max(1, result.requests);
      const rowsWritten = options.countRows ? (await countContacts()) - before : undefined;
      if (result.non2xx > 0 || result.errors > 0) log(`  ${label}: ${String(result.non2xx)} non-2xx, ${String(result.errors)} errors; first: ${result.firstFailure ?? '-'}`);
      return { ...result, label, maxConnections, cpuPerRequest, ...(rowsWritten === undefined ? {} : { rowsWritten }) };
    };
    /** A run that is not counted: JIT, pools and caches warm up (answers its figures). */
    const warmUp = (server: ServerProcess, steps: readonly Step<Target>[], pick: () => Target): Promise<LoadResult> =>
      runLoad({ url: server.url, connections: flags.connections, seconds: WARM_UP_SECONDS, authorization, steps, pick });
    /** Alternates two sides for `rounds` rounds (A B, B A, A B …) and answers each side's runs. */
    const alternate = async (a: (round: string) => Promise<Run>, b: (round: string) => Promise<Run>): Promise<[Run[], Run[]]> => {
      const runsA: Run[] = [];
      const runsB: Run[] = [];
      for (let round = 1; round <= flags.rounds; round++) {
        const label = `round ${String(round)}`;
        if (round % 2 === 1) {
          runsA.push(await a(label));
          runsB.push(await b(label));
        } else {
          runsB.push(await b(label));
          runsA.push(await a(label));
        }
      }
      return [runsA, runsB];
    };
    const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
    const sum = (runs: readonly Run[], key: 'ok' | 'non2xx' | 'errors' | 'requests') => runs.reduce((total, r) => total + r[key], 0);
    const runRows = (runs: readonly Run[]) =>
      runs.map((r) => [r.label, r.rps.toFixed(0), `${String(r.p50)} ms`, `${String(r.p99)} ms`, `${r.cpuPerRequest.toFixed(2)} ms`, String(r.ok), String(r.non2xx + r.errors), String(r.maxConnections), r.rowsWritten === undefined ? '' : String(r.rowsWritten)]);
    const printRuns = (runs: readonly Run[]) => {
      for (const line of table(['run', 'req/s', 'p50', 'p99', 'server CPU/req', '2xx', 'other', 'max db conns', 'rows written'], runRows(runs))) print(`  ${line}`);
    };
    const summary: string[][] = [];

    for (const scenario of scenarios) {
      print();
      print(`--- ${scenario} — ${new Date().toISOString()}, load average ${load()} ---`);
      switch (scenario) {
        case 'read': {
          print(`the case page's reads in sequence on each connection: GET ${casePath({ slug: '<region>', caseId: '<case>' })}, …/transitions, …/contacts; random case of ${String(regions.length)} regions`);
          print(`${String(flags.connections)} connections, ${String(flags.seconds)} s per run, ${String(flags.rounds)} rounds alternating; both servers: pool ${String(poolSize)}`);
          const baseline = await startBaseline();
          await warmUp(baseline, reads, anywhere);
          await warmUp(api, reads, anywhere);
          const [apiRuns, baseRuns] = await alternate(
            (round) => run(`API, ${round}`, api, reads, anywhere),
            (round) => run(`baseline, ${round}`, baseline, reads, anywhere),
          );
          await stop(baseline);
          printRuns([...apiRuns, ...baseRuns]);
          const ratio = mean(apiRuns.map((r) => r.rps)) / mean(baseRuns.map((r) => r.rps));
          const p99Ratio = mean(apiRuns.map((r) => r.p99)) / mean(baseRuns.map((r) => r.p99));
          const cpuRatio = mean(baseRuns.map((r) => r.cpuPerRequest)) / mean(apiRuns.map((r) => r.cpuPerRequest));
          const met = ratio >= GOALS.read;
          print(`  ratio API / baseline: req/s ${ratio.toFixed(2)}, p99 ${p99Ratio.toFixed(2)}× the baseline's   goal req/s ≥ ${String(GOALS.read)} × baseline: ${met ? 'met' : 'MISSED'}`);
          print(`  server CPU per request: API ${mean(apiRuns.map((r) => r.cpuPerRequest)).toFixed(2)} ms, baseline ${mean(baseRuns.map((r) => r.cpuPerRequest)).toFixed(2)} ms (baseline / API ${cpuRatio.toFixed(2)}: the ratio the API would reach if its process were the only limit)`);
          summary.push(
            ['read: API', `${mean(apiRuns.map((r) => r.rps)).toFixed(0)} req/s, p99 ${mean(apiRuns.map((r) => r.p99)).toFixed(0)} ms`, `${ratio.toFixed(2)} × baseline`, `≥ ${String(GOALS.read)}: ${met ? 'met' : 'MISSED'}`],
            ['read: baseline (node:http + pg)', `${mean(baseRuns.map((r) => r.rps)).toFixed(0)} req/s, p99 ${mean(baseRuns.map((r) => r.p99)).toFixed(0)} ms`, '', ''],
          );
          break;
        }
        case 'spread': {
          print(`the same reads, random case in a random one of ${String(regions.length)} regions versus all in ${firstRegion.slug}; API only, pool ${String(poolSize)}`);
          await warmUp(api, reads, anywhere);
          const [spreadRuns, oneRuns] = await alternate(
            (round) => run(`${String(regions.length)} regions, ${round}`, api, reads, anywhere),
            (round) => run(`1 region, ${round}`, api, reads, inOneRegion),
          );
          printRuns([...spreadRuns, ...oneRuns]);
          const ratio = mean(spreadRuns.map((r) => r.rps)) / mean(oneRuns.map((r) => r.rps));
          const maxConnections = Math.max(...[...spreadRuns, ...oneRuns].map((r) => r.maxConnections));
          const met = ratio >= GOALS.spread;
          const poolKept = maxConnections <= poolSize;
          print(`  ratio ${String(regions.length)} regions / 1 region: req/s ${ratio.toFixed(2)}   goal ≥ ${String(GOALS.spread)}: ${met ? 'met' : 'MISSED'}`);
          print(`  open API database connections: max ${String(maxConnections)} (pg_stat_activity every 100 ms), pool size ${String(poolSize)}   goal ≤ pool: ${poolKept ? 'met' : 'MISSED'}`);
          summary.push(
            [`spread: ${String(regions.length)} regions`, `${mean(spreadRuns.map((r) => r.rps)).toFixed(0)} req/s, p99 ${mean(spreadRuns.map((r) => r.p99)).toFixed(0)} ms`, `${ratio.toFixed(2)} × 1 region`, `≥ ${String(GOALS.spread)}: ${met ? 'met' : 'MISSED'}`],
            ['spread: 1 region', `${mean(oneRuns.map((r) => r.rps)).toFixed(0)} req/s, p99 ${mean(oneRuns.map((r) => r.p99)).toFixed(0)} ms`, '', ''],
            ['spread: open db connections (max)', String(maxConnections), `pool ${String(poolSize)}`, `≤ pool: ${poolKept ? 'met' : 'MISSED'}`],
          );
          break;
        }
        case 'write': {
          print(`POST …/cases/<case>/contacts (a conversation), random case of ${String(regions.length)} regions; API and baseline alternating; rows counted in every region before and after each run`);
          print(`  each measured run sends a fixed number of requests (≈ ${String(flags.seconds)} s at the warm-up's rate) and waits for every answer, so no write is cut off uncounted`);
          const baseline = await startBaseline();
          const amount = (warm: LoadResult) => Math.max(flags.connections * 10, Math.round(warm.rps * flags.seconds));
          const apiAmount = amount(await warmUp(api, [write], anywhere));
          const baselineAmount = amount(await warmUp(baseline, [write], anywhere));
          const [apiRuns, baseRuns] = await alternate(
            (round) => run(`API, ${round}`, api, [write], anywhere, { countRows: true, amount: apiAmount }),
            (round) => run(`baseline, ${round}`, baseline, [write], anywhere, { countRows: true, amount: baselineAmount }),
          );
          await stop(baseline);
          printRuns([...apiRuns, ...baseRuns]);
          const ratio = mean(apiRuns.map((r) => r.rps)) / mean(baseRuns.map((r) => r.rps));
          const rows = apiRuns.reduce((total, r) => total + (r.rowsWritten ?? 0), 0);
          const ok = sum(apiRuns, 'ok');
          const consistent = [...apiRuns, ...baseRuns].every((r) => r.rowsWritten === r.ok);
          print(`  ratio API / baseline: req/s ${ratio.toFixed(2)}; API: ${String(ok)} answers 2xx, ${String(rows)} rows written   goal rows = 2xx (every run): ${consistent ? 'met' : 'MISSED'}`);
          summary.push(
            ['write: API', `${mean(apiRuns.map((r) => r.rps)).toFixed(0)} req/s, p99 ${mean(apiRuns.map((r) => r.p99)).toFixed(0)} ms`, `${ratio.toFixed(2)} × baseline`, ''],
            ['write: rows = 2xx', `${String(rows)} rows, ${String(ok)} × 2xx, ${String(sum(apiRuns, 'non2xx') + sum(apiRuns, 'errors'))} other`, '', consistent ? 'met' : 'MISSED'],
          );
          break;
        }
        case 'memory': {
          const minutes = flags.minutes;
          print(`a fresh API process; mixed load for ${String(minutes)} min (per connection: the case, its status changes, its conversations, a new conversation), ${String(flags.connections)} connections, random case of ${String(regions.length)} regions; VmRSS every 5 s`);
          // Only the fresh process may connect as leerwinkel-api now (the connection count is per application name).
          await stop(api);
          const fresh = await startApi(false);
          const idle = async (seconds: number) => {
            const sampler = sampleEvery(1000, () => residentMiB(fresh.pid));
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
            return (await sampler.stop()).map((s) => s.value);
          };
          const before = mean(await idle(5));
          const sampler = sampleEvery(5000, () => residentMiB(fresh.pid));
          const mixed = await run(`mixed, ${String(minutes)} min`, fresh, [...reads, write], anywhere, { seconds: minutes * 60 });
          const during = await sampler.stop();
          const after = mean(await idle(20));
          await stop(fresh);
          const values = during.map((s) => s.value);
          const secondHalf = during.filter((s) => s.at >= (minutes * 60_000) / 2).map((s) => ({ x: s.at / 60_000, y: s.value }));
          const trend = slope(secondHalf);
          const flat = trend <= GROWTH_LIMIT_MIB_PER_MINUTE;
          printRuns([mixed]);
          const perMinute = during.filter((_, i) => i % 12 === 0).map((s) => `${(s.at / 60_000).toFixed(0)}′ ${s.value.toFixed(0)}`);
          print(`  RSS (MiB) every minute: ${perMinute.join(' · ')}`);
          print(
            `  resident memory: before ${before.toFixed(0)} MiB; during min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)} MiB; ` +
              `after (20 s idle) ${after.toFixed(0)} MiB; trend over the second half ${trend >= 0 ? '+' : ''}${trend.toFixed(2)} MiB/min   ` +
              `goal no growth trend (≤ ${String(GROWTH_LIMIT_MIB_PER_MINUTE)} MiB/min): ${flat ? 'met' : 'MISSED (growing)'}`,
          );
          summary.push(
            [`memory: ${String(minutes)} min mixed, ${mixed.rps.toFixed(0)} req/s`, `RSS ${before.toFixed(0)} → ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} → ${after.toFixed(0)} MiB`, `${trend >= 0 ? '+' : ''}${trend.toFixed(2)} MiB/min`, `no growth: ${flat ? 'met' : 'MISSED'}`],
          );
          break;
        }
      }
    }

    print();
    print(`summary — ${new Date().toISOString()}, whole run ${((performance.now() - benchStarted) / 1000).toFixed(0)} s, load average at the end ${load()}`);
    for (const line of table(['benchmark', 'figures', 'ratio', 'goal'], summary)) print(line);
  } finally {
    for (const server of [...servers]) await server.stop();
    await owner.destroy();
  }
  if (profileDir) {
    const profile = summariseCpuProfile(profileDir);
    print();
    print(`CPU profile of the API process (node --cpu-prof, ${(profile.totalMs / 1000).toFixed(1)} s of which ${(profile.busyMs / 1000).toFixed(1)} s busy: start-up and every run above; shares of the busy time, idle excluded)`);
    for (const line of table(['self time by origin', 'ms', 'share'], profile.origins.map((o) => [o.origin, o.ms.toFixed(0), `${(o.share * 100).toFixed(1)} %`]))) print(`  ${line}`);
    print();
    for (const line of table(['function', 'where', 'ms', 'share'], profile.functions.map((f) => [f.name, f.where, f.ms.toFixed(0), `${(f.share * 100).toFixed(1)} %`]))) print(`  ${line}`);
    print(`  profile kept in ${profileDir}`);
  }
} finally {
  for (const server of servers) await server.stop();
  await database.stop();
}

function parseArguments(argv: readonly string[]): { scenarios: Scenario[]; flags: { [K in keyof typeof FLAGS]: number } } {
  const [first, ...rest] = argv;
  const named = first !== undefined && !first.startsWith('--');
  const asked = named ? first.split(',') : ['all'];
  const unknown = asked.filter((name) => name !== 'all' && !(SCENARIOS as readonly string[]).includes(name));
  try {
    if (unknown.length > 0) throw new UsageError([`unknown benchmark: ${unknown.join(', ')}`]);
    return {
      scenarios: asked.includes('all') ? [...SCENARIOS] : SCENARIOS.filter((name) => asked.includes(name)),
      flags: readIntegerFlags(named ? rest : argv, FLAGS),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(error.message);
    log(`Usage: node dist/bench/http.bench.js <${SCENARIOS.join(',')}|all> [flags]`);
    for (const line of describeFlags(FLAGS)) log(line);
    process.exit(2);
  }
}
