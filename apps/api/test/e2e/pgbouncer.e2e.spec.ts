import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { runIsolationAttack } from '../support/isolation-attack.js';
import { type PgBouncer, startPgBouncer } from '../support/pgbouncer.js';
import { ProbeModule } from '../support/probe.module.js';
import { partnerWithClient, runReferralLoop } from '../support/referral-loop.js';
import { createTestContext, signIn, type TestContext } from '../support/test-context.js';

const REGIONS = 12;
const REQUESTS = 1_200;
const IN_FLIGHT = 64;
/** PgBouncer's server connections, fewer than the app's pool: transactions of different regions share them. */
const SERVER_CONNECTIONS = 3;
const APP_POOL = 8;

/**
 * The API's runtime pool through PgBouncer in transaction pooling mode (DATABASE_APP_URL), as docs/scaling.md
 * deploys it: every transaction may land on another server connection, so nothing of a region may live in a
 * session.
 */
describe('through PgBouncer in transaction pooling mode', () => {
  let ctx: TestContext;
  let bouncer: PgBouncer;
  let app: NestExpressApplication;
  let regions: ProvisionedRegion[];

  beforeAll(async () => {
    ctx = await createTestContext();
    bouncer = await startPgBouncer({
      target: ctx.identity.ownerUrl,
      user: ctx.identity.roles.app,
      password: ctx.config.database.appPassword,
      poolSize: SERVER_CONNECTIONS,
      statementTimeoutMs: ctx.config.database.statementTimeoutMs,
    });
    regions = [];
    for (let i = 0; i < REGIONS; i++) regions.push(await ctx.newRegion());
    app = await ctx.newApp({ poolSize: APP_POOL, extraModules: [ProbeModule], env: { DATABASE_APP_URL: bouncer.url, RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await ctx.close();
    await bouncer.stop();
  });

  it(`the isolation attack: ${REQUESTS} interleaved requests over ${REGIONS} regions, ${APP_POOL} app connections on ${SERVER_CONNECTIONS} server connections`, async () => {
    const user = await ctx.newUser({ regions: Object.fromEntries(regions.map((r) => [r.slug, 'counsellor'])) });
    const { authorization } = await signIn(app, user);
    const before = await bouncer.pools();
    await runIsolationAttack(app, regions, authorization, REQUESTS, IN_FLIGHT);
    const after = await bouncer.pools();
    // It all went through PgBouncer, and more client connections than server connections were in use.
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(REQUESTS);
    expect(after.servers).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    expect(after.clients).toBeGreaterThan(SERVER_CONNECTIONS);
  });

  it('the referral loop: counsellor refers, the partner accepts and enrols, the counsellor sees it', async () => {
    const admin = (await signIn(app, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
    const region = regions[0] as ProvisionedRegion;
    const counsellor = (await signIn(app, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    const partner = await partnerWithClient(app, admin, `CVO Bouncer ${String(Date.now())}`, ['referrals:read', 'referrals:write']);
    await runReferralLoop({ regionSide: app, partnerSide: app, slug: region.slug, counsellor, partner });
  });

  it('keeps the statement timeout, set by PgBouncer (the API does not send it through a pooler)', async () => {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const [row] = await dataSource.query<[{ statement_timeout: string }]>('SHOW statement_timeout');
    expect(row.statement_timeout).toBe(`${String(ctx.config.database.statementTimeoutMs / 1000)}s`);
  });
});
