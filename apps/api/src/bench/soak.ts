import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { PasswordHasher } from '../common/auth/password-hasher.js';
import { REPO_ROOT } from '../config/config.js';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { generateRegions } from '../database/seeds/generated-regions.seed.js';
import { freePort, openThrowawayDatabase } from './throwaway-database.js';

/**
 * The soak (issue 10, point 5): the production build (`node dist/main.js`, NODE_ENV=production, job queue on)
 * against a throw-away embedded PostgreSQL filled by the generator, under mixed load for a while — reads of
 * caseloads and case timelines, name searches, contacts, whole referral flows (learner, case, consent,
 * referral), partner API calls (inbox, idempotent registrations, answers) and the central dashboard — while
 * the API's resident memory and its PostgreSQL connections are sampled. Case timelines and contacts use the
 * soak's own cases (made by the referral flows). `pnpm soak` runs it for 10 minutes;
 * test/e2e/soak.e2e.spec.ts for half a minute.
 */
export interface SoakOptions {
  durationMs: number;
  /** Requests in flight at any time. */
  concurrency: number;
  regions: number;
  casesPerRegion: number;
  /** The API's pool (DATABASE_POOL_SIZE). */
  poolSize: number;
  sampleEveryMs: number;
  log: (message: string) => void;
}

export interface SoakSample {
  atMs: number;
  rssMb: number;
  /** Connections of the API's request pool (application_name leerwinkel-api). */
  apiConnections: number;
  /** Of which running a statement. */
  apiActive: number;
  /** The job queue's connections (pg-boss and its LISTEN connection). */
  jobConnections: number;
}

export interface SoakReport {
  options: Omit<SoakOptions, 'log'>;
  requests: number;
  /** Requests per operation. */
  perOperation: Record<string, number>;
  /** Unexpected answers (any non-2xx, network errors), at most 20 kept in `errorSamples`. */
  errors: number;
  errorSamples: string[];
  /** Lines the API logged at level error or above. */
  serverErrors: number;
  samples: SoakSample[];
  /** After the load: the request pool's connections, and how many were still running a statement. */
  idleAfter: { apiConnections: number; apiActive: number };
  /** Exit code of the API after SIGTERM. */
  exitCode: number | null;
  /** Resident memory: first and last sample after warm-up, and the least-squares slope over them. */
  rss: { startMb: number; endMb: number; slopeMbPerMin: number };
}

/** A memory trend: RSS grows faster than this (after warm-up) and by more than the noise floor in all. */
export const RSS_TREND_MB_PER_MIN = 2;
export const RSS_NOISE_FLOOR_MB = 24;
/** The first part of the run is warm-up (JIT, caches, pools filling) and does not count for the trend. */
const WARM_UP_SHARE = 0.2;

interface Accounts {
  base: string;
  slug: string;
  counsellor: string;
  analyst: string;
  partner: string;
  partnerId: string;
  names: string[];
}

type Operation = (accounts: Accounts, state: LoadState) => Promise<void>;

interface LoadState {
  /** Open cases the soak created (contacts go there). */
  ownCases: string[];
  /** Referrals sent and not yet answered by the partner. */
  unanswered: string[];
}

class UnexpectedAnswer extends Error {}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { log } = options;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    // As in production: a JSON line per request (its cost is part of what runs); errors in it are counted.
    LOG_LEVEL: 'info',
    SERVE_WEB: 'false',
    JOBS_ENABLED: 'true',
    DATABASE_POOL_SIZE: String(options.poolSize),
    DATABASE_APP_PASSWORD: randomBytes(18).toString('base64url'),
    JWT_SECRET: randomBytes(32).toString('base64url'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    // The soak measures stability, not the rate limiter: a handful of principals send all the traffic.
    RATE_LIMIT_PER_MINUTE: '1000000',
    HOST: '127.0.0.1',
  };
  const database = await openThrowawayDatabase({ database: 'leerwinkel_soak', settings: { fsync: 'off', synchronous_commit: 'off' }, env });
  let api: ChildProcess | undefined;
  const owner = new Client({ connectionString: database.config.database.url });
  try {
    const { config } = database;
    await runMigrations(config, () => undefined);
    const identity = databaseIdentity(config.database);
    const ownerSource = createOwnerDataSource(config.database, 2);
    await ownerSource.initialize();
    log(`Generating ${String(options.regions)} region(s) × ${String(options.casesPerRegion)} cases ...`);
    const generated = await generateRegions(ownerSource, identity, { regions: options.regions, casesPerRegion: options.casesPerRegion, months: 24, seed: 7 }, () => undefined).finally(
      () => ownerSource.destroy(),
    );
    await owner.connect();

    const port = await freePort();
    log(`Starting the production build (dist/main.js) on port ${String(port)} ...`);
    let serverErrors = 0;
    api = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js')], {
      // eslint-disable-next-line no-restricted-syntax -- the child inherits the environment (PATH, locale), not configuration
      env: { ...process.env, ...env, DATABASE_URL: config.database.url, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const child = api;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let listening = false;
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/"level":(50|60)/.test(line)) serverErrors++;
        if (line.includes('"msg":"Leerwinkel API listening"')) listening = true;
      }
    });
    const base = `http://127.0.0.1:${String(port)}`;
    // Our own process must be the one listening (not another on a port that was free a moment ago).
    await waitForReady(base, exited, () => listening);

    const region = generated.regions[0];
    if (!region) throw new Error('the generator made no region');
    const accounts = await createAccounts(owner, base, region);
    const state: LoadState = { ownCases: [], unanswered: [] };
    for (let i = 0; i < 10; i++) await referralFlow(accounts, state);

    log(`Load: ${String(options.concurrency)} requests at a time for ${(options.durationMs / 60_000).toFixed(1)} min ...`);
    const perOperation: Record<string, number> = {};
    const errorSamples: string[] = [];
    let errors = 0;
    const requestsBefore = requestCount;
    const started = performance.now();
    const samples: SoakSample[] = [];
    const sampler = (async () => {
      while (performance.now() - started < options.durationMs) {
        samples.push(await sample(owner, child.pid ?? 0, performance.now() - started));
        await sleep(options.sampleEveryMs);
      }
    })();
    const workers = Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() - started < options.durationMs; i++) {
        const [name, operation] = pick(i);
        perOperation[name] = (perOperation[name] ?? 0) + 1;
        try {
          await operation(accounts, state);
        } catch (error) {
          errors++;
          if (errorSamples.length < 20) errorSamples.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
    await Promise.all(workers);
    const requests = requestCount - requestsBefore;
    await sampler;
    log('Load done; checking that the connections go idle ...');
    await sleep(2_000);
    const idle = await sample(owner, child.pid ?? 0, performance.now() - started);

    child.kill('SIGTERM');
    const exitCode = await exited;
    api = undefined;
    return {
      options: { durationMs: options.durationMs, concurrency: options.concurrency, regions: options.regions, casesPerRegion: options.casesPerRegion, poolSize: options.poolSize, sampleEveryMs: options.sampleEveryMs },
      requests,
      perOperation,
      errors,
      errorSamples,
      serverErrors,
      samples,
      idleAfter: { apiConnections: idle.apiConnections, apiActive: idle.apiActive },
      exitCode,
      rss: rssTrend(samples, options.durationMs),
    };
  } finally {
    api?.kill('SIGKILL');
    await owner.end().catch(() => undefined);
    await database.stop();
  }
}

/** What went wrong, one line each; empty when the soak passed. `memory`: judge the RSS trend too. */
export function soakProblems(report: SoakReport, memory: boolean): string[] {
  const problems: string[] = [];
  if (report.errors > 0) problems.push(`${String(report.errors)} unexpected answers (first: ${report.errorSamples[0] ?? ''})`);
  if (report.serverErrors > 0) problems.push(`the API logged ${String(report.serverErrors)} errors`);
  const maxApi = Math.max(0, ...report.samples.map((s) => s.apiConnections));
  if (maxApi > report.options.poolSize) problems.push(`connection leak: ${String(maxApi)} API connections, pool size ${String(report.options.poolSize)}`);
  if (report.idleAfter.apiConnections > report.options.poolSize || report.idleAfter.apiActive > 0) {
    problems.push(`connections not back to idle after the load: ${String(report.idleAfter.apiConnections)} open, ${String(report.idleAfter.apiActive)} still active`);
  }
  if (report.exitCode !== 0) problems.push(`the API exited with ${String(report.exitCode)} after SIGTERM`);
  if (memory && rssTrending(report)) {
    problems.push(`memory trend: RSS ${report.rss.slopeMbPerMin.toFixed(2)} MB/min (${report.rss.startMb.toFixed(0)} → ${report.rss.endMb.toFixed(0)} MB)`);
  }
  return problems;
}

export function rssTrending(report: SoakReport): boolean {
  const minutes = (report.options.durationMs * (1 - WARM_UP_SHARE)) / 60_000;
  return report.rss.slopeMbPerMin > RSS_TREND_MB_PER_MIN && report.rss.slopeMbPerMin * minutes > RSS_NOISE_FLOOR_MB;
}

/** The report as printed by `pnpm soak`. */
export function formatSoakReport(report: SoakReport): string[] {
  const minutes = report.options.durationMs / 60_000;
  const maxOf = (pick: (s: SoakSample) => number) => Math.max(0, ...report.samples.map(pick));
  const rate = report.requests / (report.options.durationMs / 1000);
  return [
    `soak: ${minutes.toFixed(1)} min, ${String(report.options.concurrency)} requests at a time, ${String(report.options.regions)} generated region(s) × ${String(report.options.casesPerRegion)} cases, pool ${String(report.options.poolSize)}`,
    `requests: ${report.requests.toLocaleString('en')} (${rate.toFixed(0)}/s); operations: ${Object.entries(report.perOperation)
      .map(([name, n]) => `${name} ${String(n)}`)
      .join(', ')}`,
    `errors: ${String(report.errors)} unexpected answers, ${String(report.serverErrors)} errors logged by the API${report.errorSamples.length > 0 ? `\n  ${report.errorSamples.join('\n  ')}` : ''}`,
    `connections: API pool max ${String(maxOf((s) => s.apiConnections))} of ${String(report.options.poolSize)} (max ${String(maxOf((s) => s.apiActive))} running at once); job queue max ${String(maxOf((s) => s.jobConnections))}; ` +
      `after the load ${String(report.idleAfter.apiConnections)} open, ${String(report.idleAfter.apiActive)} active`,
    `memory (RSS of the API): start ${report.rss.startMb.toFixed(0)} MB, end ${report.rss.endMb.toFixed(0)} MB, slope ${report.rss.slopeMbPerMin.toFixed(2)} MB/min after warm-up ` +
      `(${rssTrending(report) ? 'TREND' : 'no trend'}: limit ${String(RSS_TREND_MB_PER_MIN)} MB/min and ${String(RSS_NOISE_FLOOR_MB)} MB in all); samples every ${String(report.options.sampleEveryMs / 1000)} s: ` +
      report.samples.map((s) => s.rssMb.toFixed(0)).join(' '),
    `shutdown: SIGTERM → exit ${String(report.exitCode)}`,
  ];
}

// --- the load ---------------------------------------------------------------------------------------------

const OPERATIONS: [string, number, Operation][] = [
  ['caseload', 3, (a) => get(a, a.counsellor, `/api/v1/regions/${a.slug}/cases?limit=25`)],
  [
    'case timeline',
    3,
    async (a, s) => {
      const id = any(s.ownCases);
      await get(a, a.counsellor, `/api/v1/regions/${a.slug}/cases/${id}`);
      await get(a, a.counsellor, `/api/v1/regions/${a.slug}/cases/${id}/contacts`);
    },
  ],
  ['search', 2, (a) => get(a, a.counsellor, `/api/v1/regions/${a.slug}/learners?q=${encodeURIComponent(any(a.names))}&limit=20`)],
  [
    'contact',
    2,
    (a, s) =>
      send(a, a.counsellor, `/api/v1/regions/${a.slug}/cases/${any(s.ownCases)}/contacts`, {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationMinutes: 45,
        channel: 'in_person',
        kind: 'guidance',
        notes: 'Soak: gesprek over opleidingskeuze',
      }),
  ],
  ['referral flow', 1, referralFlow],
  ['partner inbox', 2, (a) => get(a, a.partner, '/api/v1/partner/referrals?limit=20')],
  [
    'partner registration',
    1,
    (a) =>
      send(
        a,
        a.partner,
        `/api/v1/partner/regions/${a.slug}/registrations`,
        { learner: { firstName: 'Olena', lastName: `Soak${String(Math.floor(Math.random() * 1e6))}`, dateOfBirth: '1991-03-08' }, consentReference: 'Soak, formulier v3' },
        { 'idempotency-key': randomUUID() },
      ),
  ],
  [
    'partner answer',
    1,
    async (a, s) => {
      const id = s.unanswered.shift();
      if (id) await send(a, a.partner, `/api/v1/partner/referrals/${id}/transitions`, { to: 'received' }, { 'idempotency-key': randomUUID() });
      else await get(a, a.partner, '/api/v1/partner/referrals?limit=5');
    },
  ],
  ['dashboard', 1, (a) => get(a, a.analyst, `/api/v1/central/indicators?from=${monthsAgo(12)}&to=${monthsAgo(0)}&groupBy=region`)],
];
const WEIGHTED = OPERATIONS.flatMap(([name, weight, operation]) => Array.from({ length: weight }, () => [name, operation] as const));

function pick(i: number): readonly [string, Operation] {
  const entry = WEIGHTED[(i * 7) % WEIGHTED.length];
  if (!entry) throw new Error('no operations');
  return entry;
}

/** HTTP requests sent by this process's soak. */
let requestCount = 0;

async function call(a: Accounts, auth: string, method: string, url: string, body?: object, headers: Record<string, string> = {}): Promise<unknown> {
  requestCount++;
  const response = await fetch(`${a.base}${url}`, {
    method,
    headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new UnexpectedAnswer(`${method} ${url.split('?')[0] ?? url} → ${String(response.status)} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

const get = async (a: Accounts, auth: string, url: string): Promise<void> => {
  await call(a, auth, 'GET', url);
};
const send = async (a: Accounts, auth: string, url: string, body: object, headers?: Record<string, string>): Promise<void> => {
  await call(a, auth, 'POST', url, body, headers);
};

/** A new learner, a guidance case, consent to share with the soak's partner, a referral to it. */
async function referralFlow(a: Accounts, s: LoadState): Promise<void> {
  const n = Math.floor(Math.random() * 1e9);
  const learner = (await call(a, a.counsellor, 'POST', `/api/v1/regions/${a.slug}/learners`, {
    firstName: 'Amina',
    lastName: `Soak${String(n)}`,
    dateOfBirth: `19${String(60 + (n % 40))}-0${String(1 + (n % 9))}-1${String(n % 9)}`,
    gender: 'female',
    nativeLanguage: 'ar',
    dutchLevel: 'A2',
    educationLevel: 'isced_2',
    employmentStatus: 'job_seeker',
    targetGroups: ['low_qualified'],
    referralSource: 'self',
    confirmNewPerson: true,
  })) as { id: string };
  const kase = (await call(a, a.counsellor, 'POST', `/api/v1/regions/${a.slug}/cases`, { learnerId: learner.id, kind: 'guidance', learningQuestion: 'Wil Nederlands leren.' })) as { id: string };
  await send(a, a.counsellor, `/api/v1/regions/${a.slug}/learners/${learner.id}/consents`, { purpose: 'partner_sharing', partnerId: a.partnerId, textVersion: 'v1' });
  const referral = (await call(a, a.counsellor, 'POST', `/api/v1/regions/${a.slug}/cases/${kase.id}/referrals`, {
    partnerId: a.partnerId,
    share: { contactData: true, learningQuestion: true, educationLevel: true, dutchLevel: true },
  })) as { id: string };
  s.ownCases.push(kase.id);
  if (s.ownCases.length > 200) s.ownCases.shift();
  s.unanswered.push(referral.id);
}

// --- set-up and sampling -----------------------------------------------------------------------------------

async function waitForReady(base: string, exited: Promise<number | null>, listening: () => boolean): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  for (let i = 0; i < 600; i++) {
    if (gone !== undefined) throw new Error(`the API exited with ${String(gone)} during start-up`);
    const status = !listening() ? 0 : await fetch(`${base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error('the API did not become ready within 60 s');
}

/** A counsellor of the first generated region, an analyst, a platform admin who registers the soak's partner and its API client. */
async function createAccounts(owner: Client, base: string, region: { id: string; slug: string; schemaName: string }): Promise<Accounts> {
  const password = `Soak-${randomBytes(9).toString('base64url')}-1`;
  const hash = await new PasswordHasher().hash(password);
  const emails = { counsellor: 'begeleider@soak.leerwinkel.test', analyst: 'analist@soak.leerwinkel.test', admin: 'beheer@soak.leerwinkel.test' };
  for (const [email, role] of [
    [emails.counsellor, null],
    [emails.analyst, 'analyst'],
    [emails.admin, 'platform_admin'],
  ] as const) {
    await owner.query("INSERT INTO platform.user_account (email, display_name, password_hash, status, central_role) VALUES ($1, $1, $2, 'active', $3)", [email, hash, role]);
  }
  await owner.query("INSERT INTO platform.region_membership (user_id, region_id, role) SELECT id, $2, 'counsellor' FROM platform.user_account WHERE email = $1", [emails.counsellor, region.id]);
  const a: Accounts = { base, slug: region.slug, counsellor: '', analyst: '', partner: '', partnerId: '', names: [] };
  const signIn = async (email: string): Promise<string> => `Bearer ${((await call(a, '', 'POST', '/api/v1/auth/login', { email, password })) as { accessToken: string }).accessToken}`;
  a.counsellor = await signIn(emails.counsellor);
  a.analyst = await signIn(emails.analyst);
  const admin = await signIn(emails.admin);
  const partner = (await call(a, admin, 'POST', '/api/v1/admin/partners', { name: 'CVO Soak', type: 'cvo' })) as { id: string };
  const client = (await call(a, admin, 'POST', `/api/v1/admin/partners/${partner.id}/clients`, { name: 'SIS', scopes: ['referrals:read', 'referrals:write', 'registrations:write'] })) as {
    client: { clientId: string };
    clientSecret: string;
  };
  requestCount++;
  const token = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.client.clientId, client_secret: client.clientSecret }),
  });
  if (!token.ok) throw new Error(`partner token: ${String(token.status)}`);
  a.partner = `Bearer ${((await token.json()) as { access_token: string }).access_token}`;
  a.partnerId = partner.id;
  // Names of generated learners to search for. (Their ids cannot be opened through the API: the generator's
  // md5-based uuids are not RFC 4122 and ParseUUIDPipe answers 400; case timelines use the soak's own cases.)
  const schema = `"${region.schemaName.replaceAll('"', '')}"`;
  a.names = (await owner.query<{ name: string }>(`SELECT DISTINCT last_name AS name FROM ${schema}.learner LIMIT 200`)).rows.map((r) => r.name);
  if (a.names.length === 0) throw new Error('the generated region has no learners');
  return a;
}

async function sample(owner: Client, pid: number, atMs: number): Promise<SoakSample> {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const { rows } = await owner.query<{ api: number; active: number; jobs: number }>(
    `SELECT count(*) FILTER (WHERE application_name = 'leerwinkel-api')::int AS api,
            count(*) FILTER (WHERE application_name = 'leerwinkel-api' AND state = 'active')::int AS active,
            count(*) FILTER (WHERE application_name IN ('leerwinkel-jobs', 'leerwinkel-jobs-listen'))::int AS jobs
       FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const row = rows[0] ?? { api: 0, active: 0, jobs: 0 };
  return { atMs, rssMb: rssKb / 1024, apiConnections: row.api, apiActive: row.active, jobConnections: row.jobs };
}

/** Least-squares slope of RSS over the samples after warm-up, in MB per minute. */
function rssTrend(samples: SoakSample[], durationMs: number): SoakReport['rss'] {
  const after = samples.filter((s) => s.atMs >= durationMs * WARM_UP_SHARE);
  const points = after.length >= 2 ? after : samples;
  const n = points.length;
  const meanX = points.reduce((sum, s) => sum + s.atMs, 0) / n;
  const meanY = points.reduce((sum, s) => sum + s.rssMb, 0) / n;
  const sxx = points.reduce((sum, s) => sum + (s.atMs - meanX) ** 2, 0);
  const sxy = points.reduce((sum, s) => sum + (s.atMs - meanX) * (s.rssMb - meanY), 0);
  return { startMb: points[0]?.rssMb ?? 0, endMb: points.at(-1)?.rssMb ?? 0, slopeMbPerMin: sxx > 0 ? (sxy / sxx) * 60_000 : 0 };
}

function any<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function monthsAgo(months: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, months === 0 ? now.getUTCDate() : 1)).toISOString().slice(0, 10);
}
