import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { databaseUnavailable } from '../../src/common/problem/problem.filter.js';
import { appConnectionOptions } from '../../src/database/data-sources.js';
import { deadlineClient, QueryDeadlineError } from '../../src/database/deadline-client.js';
import { quoteIdent } from '../../src/tenancy/region-naming.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import request from 'supertest';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

/**
 * The request pool's query deadline on a live server. A query the server holds (pg_sleep, with the statement
 * timeout further away) stands in for one a frozen server never answers; test/e2e/faults.e2e.spec.ts freezes a
 * real server.
 */
const DEADLINE_MS = 400;
const HELD_SECONDS = 2;

describe('request pool: query deadline', () => {
  let ctx: TestContext;
  let region: ProvisionedRegion;
  let app: DataSource;

  const session = async (): Promise<{ pid: number; role: string; region: string | null; inTransaction: boolean }> => {
    const [row] = await app.query<[{ pid: number; role: string; region: string | null; inTransaction: boolean }]>(
      "SELECT pg_backend_pid() AS pid, current_user AS role, nullif(current_setting('leerwinkel.region_id', true), '') AS region, now() <> statement_timestamp() AS \"inTransaction\"",
    );
    return row;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    region = await ctx.newRegion();
    // One connection: whatever the pool hands out after the timeout is either the dropped one (the hazard) or a new one.
    app = new DataSource(appConnectionOptions({ ...ctx.config.database, poolSize: 1, statementTimeoutMs: 10_000, queryDeadlineMs: DEADLINE_MS }));
    await app.initialize();
  });
  afterAll(async () => {
    await app.destroy();
    await ctx.close();
  });

  it('leaves answered queries alone: the connection is reused', async () => {
    const first = await session();
    await sleep(DEADLINE_MS * 2); // longer than the deadline, while no query is waiting
    expect((await session()).pid).toBe(first.pid);
  });

  it('drops a connection whose query is not answered in time: 503-class error, and the next request gets a clean new connection', async () => {
    const before = (await session()).pid;
    const work = app.transaction(async (manager) => {
      await manager.query("SELECT set_config('role', $1, true), set_config('search_path', $2, true), set_config('leerwinkel.region_id', $3, true)", [
        region.roleName,
        quoteIdent(region.schemaName),
        region.id,
      ]);
      await manager.query('SELECT pg_sleep($1)', [HELD_SECONDS]);
    });
    const error: unknown = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toBeInstanceOf(QueryDeadlineError);
    expect(databaseUnavailable(error)).toBe(true);

    // Not the dropped connection: no region role, no region setting, no open transaction.
    const after = await session();
    expect(after.pid).not.toBe(before);
    expect(after).toMatchObject({ role: ctx.identity.roles.app, region: null, inTransaction: false });

    // The server ends the abandoned backend (rolling its transaction back) once it finds the socket closed.
    const gone = async () =>
      (await ctx.owner.query<unknown[]>('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [before])).length === 0;
    for (let i = 0; i < 100 && !(await gone()); i++) await sleep(100);
    expect(await gone()).toBe(true);
  });

  it('covers callback queries too, and the client says so with an error event', async () => {
    const Client = deadlineClient(DEADLINE_MS);
    const client = new Client({ connectionString: ctx.identity.appUrl });
    await client.connect();
    const events: unknown[] = [];
    client.on('error', (error) => events.push(error));
    const error = await new Promise<Error | undefined>((resolve) => {
      client.query('SELECT pg_sleep($1)', [HELD_SECONDS], (caught: Error | undefined) => {
        resolve(caught);
      });
    });
    expect(error).toBeInstanceOf(QueryDeadlineError);
    expect(events[0]).toBeInstanceOf(QueryDeadlineError);
    await client.end();
  });
});

/** The server's own statement timeout is the clean bound on a live server: also a 503, never a 500. */
describe('statement timeout over HTTP', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('a request whose statement runs past DATABASE_STATEMENT_TIMEOUT_MS answers 503 problem+json with Retry-After', async () => {
    const region = await ctx.newRegion();
    const app = await ctx.newApp({ env: { DATABASE_STATEMENT_TIMEOUT_MS: '300' } });
    const { authorization } = await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }));
    // The owner holds the learner table: the list waits on the lock until the server cancels the statement (57014).
    const holder = ctx.owner.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`LOCK TABLE ${quoteIdent(region.schemaName)}.learner IN ACCESS EXCLUSIVE MODE`);
      const response = await request(app.getHttpServer()).get(`/api/v1/regions/${region.slug}/learners`).set('authorization', authorization);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
