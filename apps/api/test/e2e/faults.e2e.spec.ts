import { randomUUID } from 'node:crypto';
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
 * other test files and must stay up. The real API runs as a child process (job queue on), so that the
 * outage reaches its pools and SIGTERM is a real signal.
 */

/** A request that has not settled after this long counts as hanging (the API must fail fast instead). */
const CLIENT_TIMEOUT_MS = 5_000;
/** The recovery bound: ready and writing again this soon after PostgreSQL is back. */
const RECOVERY_BOUND_MS = 5_000;
const WORKERS = 6;

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

describe('faults: PostgreSQL going away, SIGTERM', () => {
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
  ): Promise<Response> {
    return fetch(`${base}${url}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
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
  async function write(base: string, kind: Kind, key: string = randomUUID()): Promise<Outcome> {
    try {
      const response =
        kind === 'contact'
          ? await call(
              base,
              'POST',
              `/api/v1/regions/${region.slug}/cases/${caseId}/contacts`,
              counsellor,
              contactBody(),
            )
          : await call(
              base,
              'POST',
              `/api/v1/partner/regions/${region.slug}/registrations`,
              partner,
              registrationBody(key),
              { 'idempotency-key': key },
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
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { kind, ...(kind === 'registration' ? { key } : {}), status: timedOut ? 'timeout' : 'network' };
    }
  }

  /** WORKERS clients writing contacts and partner registrations back to back until stopped; a ledger of every answer. */
  function startLoad(base: string): { ledger: Outcome[]; stop: () => Promise<void> } {
    const ledger: Outcome[] = [];
    let running = true;
    const workers = Array.from({ length: WORKERS }, async (_, worker) => {
      for (let i = 0; running; i++) {
        ledger.push(await write(base, (worker + i) % 2 === 0 ? 'contact' : 'registration'));
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
    const backAt = performance.now();
    let recoveredMs = Number.POSITIVE_INFINITY;
    while (performance.now() - backAt < 3 * RECOVERY_BOUND_MS) {
      if ((await status(`${api.url}/api/health`)) === 200 && (await write(api.url, 'contact')).status === 201) {
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
      // Every request settled (none hung), and every failure was a 503 problem+json with Retry-After.
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
      for (const first of registrations.filter((o) => o.status !== 201)) {
        const key = first.key ?? '';
        let retried = await write(api.url, 'registration', key);
        for (let attempt = 0; retried.status === 409 && attempt < 50; attempt++) {
          await sleep(200);
          retried = await write(api.url, 'registration', key);
        }
        expect(retried).toMatchObject({ status: 201 });
      }
      const replay = registrations.find((o) => o.status === 201);
      expect(await write(api.url, 'registration', replay?.key)).toMatchObject({ status: 201, id: replay?.id });
      const perKey = await owner.query<{ reference: string; n: number }>(
        'SELECT consent_reference AS reference, count(*)::int AS n FROM exchange.registration WHERE consent_reference = ANY($1) GROUP BY consent_reference',
        [registrations.map((o) => `faults ${o.key ?? ''}`)],
      );
      expect(perKey.rows.length).toBe(registrations.length);
      expect(perKey.rows.filter((row) => row.n !== 1)).toEqual([]);
    },
  );

  it('an answer that cannot be stored (database gone right after the commit) is still a 2xx, and a retry never does the work twice', async () => {
    // The database "goes away" exactly between the change's commit and storing its answer: a trigger refuses
    // the store with PostgreSQL's admin-shutdown error.
    await owner.query(`CREATE FUNCTION platform.faults_refuse_store() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = 'admin_shutdown'; END $$`);
    await owner.query("CREATE TRIGGER faults_refuse_store BEFORE UPDATE ON platform.idempotency_key FOR EACH ROW WHEN (NEW.state = 'done') EXECUTE FUNCTION platform.faults_refuse_store()");
    const key = randomUUID();
    try {
      const first = await write(api.url, 'registration', key);
      expect(first).toMatchObject({ status: 201 });
      const state = await owner.query<{ state: string }>('SELECT state FROM platform.idempotency_key WHERE key = $1', [key]);
      expect(state.rows[0]?.state).toBe('committed');
      expect(await write(api.url, 'registration', key)).toMatchObject({ status: 409, code: 'IDEMPOTENCY.IN_PROGRESS' });
    } finally {
      await owner.query('DROP TRIGGER faults_refuse_store ON platform.idempotency_key');
      await owner.query('DROP FUNCTION platform.faults_refuse_store()');
    }
    // Back: the answer is stored in the background, and the retry replays it.
    await until(async () => (await owner.query<{ state: string }>('SELECT state FROM platform.idempotency_key WHERE key = $1', [key])).rows[0]?.state === 'done', 'the answer to be stored');
    const replay = await call(api.url, 'POST', `/api/v1/partner/regions/${region.slug}/registrations`, partner, registrationBody(key), { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const rows = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM exchange.registration WHERE consent_reference = $1', [`faults ${key}`]);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('a change that fails to commit frees its key: the retry does it once', async () => {
    await owner.query(`CREATE FUNCTION exchange.faults_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = 'admin_shutdown'; END $$`);
    await owner.query('CREATE TRIGGER faults_refuse_insert BEFORE INSERT ON exchange.registration FOR EACH ROW EXECUTE FUNCTION exchange.faults_refuse_insert()');
    const key = randomUUID();
    try {
      expect(await write(api.url, 'registration', key)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    } finally {
      await owner.query('DROP TRIGGER faults_refuse_insert ON exchange.registration');
      await owner.query('DROP FUNCTION exchange.faults_refuse_insert()');
    }
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
