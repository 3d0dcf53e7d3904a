import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { openThrowawayDatabase, type ThrowawayDatabase } from '../../src/bench/throwaway-database.js';
import { runMigrations } from '../../src/database/migrate.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import {
  type ApiProcess,
  createTestContext,
  signIn,
  startApiProcess,
  type TestContext,
} from '../support/test-context.js';

/**
 * Faults (issue 10, point 4), against a PostgreSQL of this file's own — global-setup's server is shared by the
 * other test files and must stay up (and freezing it would stop them). The real API runs as a child process
 * (job queue on), so that the outage reaches its pools and SIGTERM is a real signal.
 */

/** A request that has not settled after this long counts as hanging (the API must fail fast instead). */
const CLIENT_TIMEOUT_MS = 5_000;
/** The issue's recovery bound: ready and writing again this soon after PostgreSQL is back. */
const RECOVERY_BOUND_MS = 5_000;
const WORKERS = 6;
/** The frozen-server test's API: a small statement timeout, and the query deadline beyond it. */
const STATEMENT_TIMEOUT_MS = 1_000;
const QUERY_DEADLINE_MS = 1_500;
/**
 * While PostgreSQL is frozen, a request fails after at most two database steps (its work, then freeing its
 * Idempotency-Key), each bounded by the query deadline or the pool's 5 s connection timeout: a request still
 * unsettled after this long hangs.
 */
const FROZEN_CLIENT_TIMEOUT_MS = 20_000;

type Kind = 'contact' | 'registration';

interface Outcome {
  kind: Kind;
  /** Idempotency-Key of a registration. */
  key?: string;
  status: number | 'timeout' | 'network';
  id?: string;
  contentType?: string;
  code?: string;
  retryAfter?: string | null;
}

/**
 * Freezes the PostgreSQL server of `dataDir` like a stopped VM: SIGSTOP to the postmaster (no new backends from
 * then on), then to all its children. The kernel keeps accepting and acknowledging TCP, so clients see no error,
 * only silence. Returns the thaw (SIGCONT to every process stopped): call it in a `finally`.
 */
function freezePostgres(dataDir: string): () => void {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stopped: number[] = [];
  const thaw = (): void => {
    for (const pid of stopped) signal(pid, 'SIGCONT');
  };
  try {
    if (signal(postmaster, 'SIGSTOP')) stopped.push(postmaster);
    for (const pid of childrenOf(postmaster)) if (signal(pid, 'SIGSTOP')) stopped.push(pid);
    if (stopped.length < 2) throw new Error(`no PostgreSQL backends found under postmaster ${String(postmaster)}`);
  } catch (error) {
    thaw();
    throw error;
  }
  return thaw;
}

/** false: the process is gone. */
function signal(pid: number, name: 'SIGSTOP' | 'SIGCONT'): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ESRCH') return false;
    throw error;
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        return []; // ended meanwhile
      }
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === parent ? [Number(name)] : [];
    });
}

describe('faults: PostgreSQL going away or freezing, SIGTERM', () => {
  let db: ThrowawayDatabase;
  let owner: Client;
  let ctx: TestContext;
  let region: ProvisionedRegion;
  let api: ApiProcess;
  let counsellor: string;
  let partner: string;
  let caseId: string;
  const apiEnv = (): Record<string, string> => ({
    DATABASE_URL: db.config.database.url ?? '',
    DATABASE_POOL_SIZE: '8',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '1000',
  });

  async function call(
    base: string,
    method: string,
    url: string,
    authorization: string,
    body?: object,
    headers: Record<string, string> = {},
    timeoutMs = CLIENT_TIMEOUT_MS,
  ): Promise<Response> {
    return fetch(`${base}${url}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  const contactBody = () => ({
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    durationMinutes: 30,
    channel: 'phone',
    kind: 'guidance',
    notes: 'fault test',
  });
  const registrationBody = (key: string) => ({
    learner: { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1991-03-08' },
    consentReference: `faults ${key}`,
  });

  /** One write, recorded whatever happens: its status, the created id on 2xx, the problem's code otherwise. */
  async function write(base: string, kind: Kind, key: string = randomUUID(), timeoutMs = CLIENT_TIMEOUT_MS): Promise<Outcome> {
    try {
      const response =
        kind === 'contact'
          ? await call(
              base,
              'POST',
              `/api/v1/regions/${region.slug}/cases/${caseId}/contacts`,
              counsellor,
              contactBody(),
              {},
              timeoutMs,
            )
          : await call(
              base,
              'POST',
              `/api/v1/partner/regions/${region.slug}/registrations`,
              partner,
              registrationBody(key),
              { 'idempotency-key': key },
              timeoutMs,
            );
      const json = (await response.json()) as { id?: string; code?: string };
      return {
        kind,
        ...(kind === 'registration' ? { key } : {}),
        status: response.status,
        id: response.ok ? json.id : undefined,
        contentType: response.headers.get('content-type') ?? undefined,
        code: json.code,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      // fetch's abort is a DOMException of Node's realm, not an instance of the test's Error: look at the name only.
      const { name } = error as { name?: unknown };
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { kind, ...(kind === 'registration' ? { key } : {}), status: timedOut ? 'timeout' : 'network' };
    }
  }

  /** WORKERS clients writing contacts and partner registrations back to back until stopped; a ledger of every answer. */
  function startLoad(base: string, timeoutMs = CLIENT_TIMEOUT_MS): { ledger: Outcome[]; stop: () => Promise<void> } {
    const ledger: Outcome[] = [];
    let running = true;
    const workers = Array.from({ length: WORKERS }, async (_, worker) => {
      for (let i = 0; running; i++) {
        ledger.push(await write(base, (worker + i) % 2 === 0 ? 'contact' : 'registration', randomUUID(), timeoutMs));
        // a client that got an error backs off a little, as real ones do (not the Retry-After: the test wants traffic)
        if (ledger.at(-1)?.status !== 201) await sleep(50);
      }
    });
    return {
      ledger,
      stop: async () => {
        running = false;
        await Promise.all(workers);
      },
    };
  }

  async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  const status = async (url: string): Promise<number | 'refused'> => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 'refused';
    }
  };

  /** Stops PostgreSQL while `load` runs, checks the API during the outage, starts it again and waits for recovery. */
  async function outageUnderLoad(mode: 'fast' | 'immediate', load: { ledger: Outcome[] }): Promise<void> {
    await until(() => load.ledger.filter((o) => o.status === 201).length >= 20, 'writes before the outage');
    await owner.end();
    await db.server.stop(mode);
    const outageStartedAt = load.ledger.length;

    // While PostgreSQL is down: writes fail fast with 503, readiness is 503, liveness stays 200.
    await until(
      () => load.ledger.slice(outageStartedAt).filter((o) => o.status !== 201).length >= 2 * WORKERS,
      'answers during the outage',
    );
    const ready = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await status(`${api.url}/api/health/live`)).toBe(200);

    // PostgreSQL back: ready and writing again within the bound.
    await db.server.start();
    await expectRecovery(api.url, load);
  }

  /** PostgreSQL just came back: `base` is ready and writing again within the bound, and the load's writes go through. */
  async function expectRecovery(base: string, load: { ledger: Outcome[] }): Promise<void> {
    const backAt = performance.now();
    let recoveredMs = Number.POSITIVE_INFINITY;
    while (performance.now() - backAt < 3 * RECOVERY_BOUND_MS) {
      if ((await status(`${base}/api/health`)) === 200 && (await write(base, 'contact')).status === 201) {
        recoveredMs = performance.now() - backAt;
        break;
      }
      await sleep(100);
    }
    expect(recoveredMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    const recoveredAt = load.ledger.length;
    await until(
      () => load.ledger.slice(recoveredAt).filter((o) => o.status === 201).length >= 20,
      'writes after the outage',
    );
  }

  /**
   * After an outage under load: every request settled (none hung), every failure was a 503 problem+json with
   * Retry-After, no write answered 2xx is lost, and retrying every failed registration with its key (on `base`)
   * creates it exactly once.
   *
   * `lateStatements` (a frozen server): the statement the API gave up on was already in the server's socket and
   * runs after the thaw — a registration's COMMIT (done, answer lost: key `committed`) or its key's claim (no
   * request behind it: key `pending`, no registration). The key keeps the retry from doing the work (again): it
   * answers 409 IDEMPOTENCY.IN_PROGRESS until the key is 5 minutes old (see the idempotency interceptor).
   */
  async function expectLedgerKept(ledger: Outcome[], base: string, lateStatements = false): Promise<void> {
    const keyState = async (key: string): Promise<string | undefined> =>
      (await owner.query<{ state: string }>('SELECT state FROM platform.idempotency_key WHERE key = $1', [key])).rows[0]?.state;
    expect(ledger.filter((o) => o.status === 'timeout' || o.status === 'network')).toEqual([]);
    const failures = ledger.filter((o) => o.status !== 201);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toMatchObject({
        status: 503,
        contentType: expect.stringMatching(/^application\/problem\+json/) as unknown,
        code: 'SERVICE.UNAVAILABLE',
        retryAfter: '5',
      });
    }

    // No write answered 2xx is lost.
    const contactIds = ledger.filter((o) => o.kind === 'contact' && o.status === 201).map((o) => o.id);
    const foundContacts = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${region.schemaName}".contact WHERE id = ANY($1::uuid[])`,
      [contactIds],
    );
    expect(foundContacts.rows[0]?.n).toBe(contactIds.length);
    const registrationIds = ledger.filter((o) => o.kind === 'registration' && o.status === 201).map((o) => o.id);
    const foundRegistrations = await owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM exchange.registration WHERE id = ANY($1::uuid[])',
      [registrationIds],
    );
    expect(foundRegistrations.rows[0]?.n).toBe(registrationIds.length);

    // Retrying every registration that failed, with its key: each ends in exactly one registration; a key that
    // already succeeded replays its first answer.
    const registrations = ledger.filter((o) => o.kind === 'registration');
    const claimedLate = new Set<string>();
    for (const first of registrations.filter((o) => o.status !== 201)) {
      const key = first.key ?? '';
      if (lateStatements) {
        // A failed request's key is freed in the background, once a second: give that a moment.
        let state = await keyState(key);
        for (let attempt = 0; state === 'pending' && attempt < 30; attempt++) {
          await sleep(100);
          state = await keyState(key);
        }
        if (state === 'committed' || state === 'pending') {
          expect(await write(base, 'registration', key)).toMatchObject({ status: 409, code: 'IDEMPOTENCY.IN_PROGRESS' });
          if (state === 'pending') claimedLate.add(`faults ${key}`);
          continue;
        }
      }
      let retried = await write(base, 'registration', key);
      for (let attempt = 0; retried.status === 409 && attempt < 50; attempt++) {
        await sleep(200);
        retried = await write(base, 'registration', key);
      }
      expect(retried).toMatchObject({ status: 201 });
    }
    const replay = registrations.find((o) => o.status === 201);
    expect(await write(base, 'registration', replay?.key)).toMatchObject({ status: 201, id: replay?.id });
    const perKey = await owner.query<{ reference: string; n: number }>(
      'SELECT consent_reference AS reference, count(*)::int AS n FROM exchange.registration WHERE consent_reference = ANY($1) GROUP BY consent_reference',
      [registrations.map((o) => `faults ${o.key ?? ''}`)],
    );
    expect(perKey.rows.length).toBe(registrations.length - claimedLate.size);
    expect(perKey.rows.filter((row) => row.n !== 1 || claimedLate.has(row.reference))).toEqual([]);
  }

  /**
   * Freezes PostgreSQL while `frozenApi` is under load, checks it during the freeze, thaws and checks the recovery,
   * that no connection came back in a stale transaction, that two regions stay apart, and the ledger.
   */
  async function frozenUnderLoad(frozenApi: ApiProcess): Promise<void> {
    // Two regions, one counsellor in both, one learner in each: after the thaw, each region's list must be its own.
    const other = await ctx.newRegion();
    const both = (await signIn(frozenApi.url, await ctx.newUser({ regions: { [region.slug]: 'counsellor', [other.slug]: 'counsellor' } }))).authorization;
    const learnerIn = async (slug: string): Promise<string> => {
      const created = await call(frozenApi.url, 'POST', `/api/v1/regions/${slug}/learners`, both, {
        firstName: 'Vera',
        lastName: 'Bevroren',
        dateOfBirth: '1985-02-02',
        gender: 'female',
        nativeLanguage: 'nl',
        dutchLevel: 'C2',
        educationLevel: 'isced_3',
        employmentStatus: 'job_seeker',
        targetGroups: ['low_qualified'],
        referralSource: 'self',
        confirmNewPerson: true,
      });
      expect(created.status).toBe(201);
      return ((await created.json()) as { id: string }).id;
    };
    const learners = new Map([
      [region.slug, await learnerIn(region.slug)],
      [other.slug, await learnerIn(other.slug)],
    ]);

    const load = startLoad(frozenApi.url, FROZEN_CLIENT_TIMEOUT_MS);
    try {
      // The pool is warm and busy: requests are in flight on open connections when the server stops answering.
      await until(() => load.ledger.filter((o) => o.status === 201).length >= 20, 'writes before the freeze');
      const frozenAt = load.ledger.length;
      const thaw = freezePostgres(db.server.dataDir);
      try {
        await until(
          () => load.ledger.slice(frozenAt).filter((o) => o.status !== 201).length >= WORKERS,
          'answers during the freeze',
          2 * FROZEN_CLIENT_TIMEOUT_MS,
        );
        const ready = await fetch(`${frozenApi.url}/api/health`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
        expect(ready.status).toBe(503);
        expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await status(`${frozenApi.url}/api/health/live`)).toBe(200);
      } finally {
        thaw();
      }
      await expectRecovery(frozenApi.url, load);
    } finally {
      await load.stop();
    }

    // No connection went back to the pool inside the transaction it was dropped from: the abandoned backends end
    // (rolling back) as they find their sockets closed, and a burst over both regions answers each its own.
    await until(async () => {
      const stale = await owner.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'leerwinkel-api' AND state LIKE 'idle in transaction%'",
      );
      return stale.rows[0]?.n === 0;
    }, 'no API connection idle in a transaction', 5_000);
    const slugs = [region.slug, other.slug];
    const answers = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const slug = slugs[i % 2] ?? '';
        const response = await call(frozenApi.url, 'GET', `/api/v1/regions/${slug}/learners?limit=100`, both);
        const page = (await response.json()) as { items?: { id: string }[] };
        return { slug, status: response.status, ids: (page.items ?? []).map((item) => item.id) };
      }),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      for (const [slug, id] of learners) expect({ region: answer.slug, learner: slug, listed: answer.ids.includes(id) }).toEqual({ region: answer.slug, learner: slug, listed: slug === answer.slug });
    }

    await expectLedgerKept(load.ledger, frozenApi.url, true);
  }

  beforeAll(async () => {
    db = await openThrowawayDatabase({
      database: 'faults_test',
      settings: { fsync: 'off' },
      env: { NODE_ENV: 'test' },
    });
    await runMigrations(db.config, () => undefined);
    owner = new Client({ connectionString: db.config.database.url });
    await owner.connect();
    ctx = await createTestContext({ databaseUrl: db.config.database.url });
    region = await ctx.newRegion();
    api = await startApiProcess(apiEnv());
    const admin = (await signIn(api.url, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    counsellor = (await signIn(api.url, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    const created = (await (
      await call(api.url, 'POST', '/api/v1/admin/partners', admin, { name: 'CVO Storing', type: 'cvo' })
    ).json()) as { id: string };
    const client = (await (
      await call(api.url, 'POST', `/api/v1/admin/partners/${created.id}/clients`, admin, {
        name: 'SIS',
        scopes: ['registrations:write'],
      })
    ).json()) as {
      client: { clientId: string };
      clientSecret: string;
    };
    const token = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    partner = `Bearer ${((await token.json()) as { access_token: string }).access_token}`;
    const learner = (await (
      await call(api.url, 'POST', `/api/v1/regions/${region.slug}/learners`, counsellor, {
        firstName: 'Jan',
        lastName: 'Storing',
        dateOfBirth: '1980-05-05',
        gender: 'male',
        nativeLanguage: 'nl',
        dutchLevel: 'C2',
        educationLevel: 'isced_3',
        employmentStatus: 'job_seeker',
        targetGroups: ['low_qualified'],
        referralSource: 'self',
        confirmNewPerson: true,
      })
    ).json()) as { id: string };
    const kase = await call(api.url, 'POST', `/api/v1/regions/${region.slug}/cases`, counsellor, {
      learnerId: learner.id,
      kind: 'guidance',
      learningQuestion: 'Wil zich omscholen.',
    });
    expect(kase.status).toBe(201);
    caseId = ((await kase.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await api.stop();
    await ctx.close();
    await owner.end().catch(() => undefined);
    await db.stop();
  });

  it.each(['fast', 'immediate'] as const)(
    'PostgreSQL stopped under load (%s shutdown): quick 503 problem+json, unready, recovery within 5 s, no acknowledged write lost, retries create nothing twice',
    async (mode) => {
      const load = startLoad(api.url);
      try {
        await outageUnderLoad(mode, load);
      } finally {
        await load.stop();
      }
      const { ledger } = load;

      owner = new Client({ connectionString: db.config.database.url });
      await owner.connect();
      await expectLedgerKept(ledger, api.url);
    },
  );

  it('PostgreSQL frozen under load (SIGSTOP, no error on the wire): every request still answers, 503 problem+json, unready; after the thaw recovery within 5 s, no stale transaction, regions apart, no acknowledged write lost', async () => {
    const frozenApi = await startApiProcess({
      ...apiEnv(),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_QUERY_DEADLINE_MS: String(QUERY_DEADLINE_MS),
    });
    try {
      await frozenUnderLoad(frozenApi);
    } finally {
      await frozenApi.stop();
    }
  });

  /**
   * Runs `during` while a row trigger on `table` (`event`, e.g. BEFORE INSERT; optional `condition`) refuses the
   * statement with PostgreSQL's admin-shutdown error: the database "goes away" at exactly that statement.
   */
  async function whileRefusing(event: string, table: string, condition: string | null, during: () => Promise<void>): Promise<void> {
    const refuse = `${table.split('.')[0] ?? 'public'}.faults_refuse()`;
    await owner.query(`CREATE FUNCTION ${refuse} RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = 'admin_shutdown'; END $$`);
    await owner.query(`CREATE TRIGGER faults_refuse ${event} ON ${table} FOR EACH ROW ${condition ? `WHEN (${condition})` : ''} EXECUTE FUNCTION ${refuse}`);
    try {
      await during();
    } finally {
      await owner.query(`DROP TRIGGER faults_refuse ON ${table}`);
      await owner.query(`DROP FUNCTION ${refuse}`);
    }
  }

  it('an answer that cannot be stored (database gone right after the commit) is still a 2xx, and a retry never does the work twice', async () => {
    // The database "goes away" exactly between the change's commit and storing its answer: a trigger refuses
    // the store with PostgreSQL's admin-shutdown error.
    const key = randomUUID();
    await whileRefusing('BEFORE UPDATE', 'platform.idempotency_key', "NEW.state = 'done'", async () => {
      const first = await write(api.url, 'registration', key);
      expect(first).toMatchObject({ status: 201 });
      const state = await owner.query<{ state: string }>('SELECT state FROM platform.idempotency_key WHERE key = $1', [key]);
      expect(state.rows[0]?.state).toBe('committed');
      expect(await write(api.url, 'registration', key)).toMatchObject({ status: 409, code: 'IDEMPOTENCY.IN_PROGRESS' });
    });
    // Back: the answer is stored in the background, and the retry replays it.
    await until(async () => (await owner.query<{ state: string }>('SELECT state FROM platform.idempotency_key WHERE key = $1', [key])).rows[0]?.state === 'done', 'the answer to be stored');
    const replay = await call(api.url, 'POST', `/api/v1/partner/regions/${region.slug}/registrations`, partner, registrationBody(key), { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const rows = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM exchange.registration WHERE consent_reference = $1', [`faults ${key}`]);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('a change that fails to commit frees its key: the retry does it once', async () => {
    const key = randomUUID();
    await whileRefusing('BEFORE INSERT', 'exchange.registration', null, async () => {
      expect(await write(api.url, 'registration', key)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    });
    expect((await owner.query('SELECT 1 FROM platform.idempotency_key WHERE key = $1', [key])).rowCount).toBe(0);
    expect(await write(api.url, 'registration', key)).toMatchObject({ status: 201 });
    const rows = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM exchange.registration WHERE consent_reference = $1', [`faults ${key}`]);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('SIGTERM: requests in flight finish with their answer, new connections are refused, the job queue stops, exit 0', async () => {
    expect(await api.stop()).toBe(0); // the idle one first: afterwards no API connection may be left
    const draining = await startApiProcess(apiEnv());
    let exitCode: number | null | undefined;
    void draining.exited.then((code) => {
      exitCode = code;
    });
    // Hold every new contact at its INSERT: a lock the test releases after the signal.
    const blocker = new Client({ connectionString: db.config.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE "${region.schemaName}".contact IN EXCLUSIVE MODE`);
    const inFlight = Array.from({ length: 5 }, () => write(draining.url, 'contact'));
    await until(async () => {
      const waiting = await owner.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'leerwinkel-api' AND wait_event_type = 'Lock'",
      );
      return waiting.rows[0]?.n === 5;
    }, 'five requests waiting for the lock');

    const stopped = draining.stop();
    await until(
      async () => (await status(`${draining.url}/api/health/live`)) === 'refused',
      'the port to refuse connections',
      10_000,
    );
    expect(exitCode).toBeUndefined(); // still draining

    await blocker.query('COMMIT');
    await blocker.end();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await stopped).toBe(0);

    const ids = answers.map((a) => a.id);
    const stored = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${region.schemaName}".contact WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(stored.rows[0]?.n).toBe(5);
    // The job queue stopped cleanly: no job left active, no connection of either API process left behind.
    const active = await owner.query<{ name: string }>("SELECT name FROM jobs.job WHERE state = 'active'");
    expect(active.rows.map((job) => job.name)).toEqual([]);
    const left = async () =>
      (
        await owner.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name IN ('leerwinkel-api', 'leerwinkel-jobs', 'leerwinkel-jobs-listen')",
        )
      ).rows[0]?.n;
    await until(async () => (await left()) === 0, 'the connections to close', 5_000).catch(() => undefined);
    expect(await left()).toBe(0);
  });
});
