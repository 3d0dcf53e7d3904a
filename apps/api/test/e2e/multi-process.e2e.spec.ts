import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { type PgBouncer, startPgBouncer } from '../support/pgbouncer.js';
import { http, partnerWithClient, runReferralLoop } from '../support/referral-loop.js';
import { type ApiProcess, createTestContext, insideOneMinute, signIn, startApiProcess, type TestContext } from '../support/test-context.js';
import { Receiver, until } from '../support/webhook-receiver.js';

/** Requests per minute per principal in both processes: low enough to reach, high enough for the other tests. */
const LIMIT = 120;

/**
 * Two real API processes, both with the job queue, against one database — each request pool through one
 * PgBouncer (transaction pooling), as docs/scaling.md deploys N processes behind a load balancer. Nothing a
 * user relies on may live in one process: sessions, rate limits, idempotency keys and webhook deliveries are
 * all in PostgreSQL.
 */
describe('two API processes, one database', () => {
  let ctx: TestContext;
  let bouncer: PgBouncer;
  let a: ApiProcess;
  let b: ApiProcess;
  let region: ProvisionedRegion;
  let admin: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    ctx = await createTestContext();
    bouncer = await startPgBouncer({
      target: ctx.identity.ownerUrl,
      user: ctx.identity.roles.app,
      password: ctx.config.database.appPassword,
      poolSize: 4,
      statementTimeoutMs: ctx.config.database.statementTimeoutMs,
    });
    region = await ctx.newRegion();
    await receiver.start();
    const env = { DATABASE_APP_URL: bouncer.url, JOBS_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: String(LIMIT), WEBHOOK_RETRY_DELAY_SECONDS: '1' };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    admin = (await signIn(a.url, await ctx.newUser({ centralRole: 'platform_admin' }))).authorization;
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await receiver.stop();
    await ctx.close();
    await bouncer.stop();
  });

  it('a session started on A is refreshed on B; replaying the old refresh token on A ends it on both', async () => {
    const user = await ctx.newUser({ regions: { [region.slug]: 'counsellor' } });
    const session = await signIn(a.url, user);
    await http(b.url).get('/api/v1/me').set('authorization', session.authorization).expect(200);
    const refreshed = await http(b.url).post('/api/v1/auth/refresh').set('cookie', session.cookie).expect(200);
    const rotated = ([refreshed.headers['set-cookie']].flat().find((c) => c?.startsWith('lw_refresh=')) ?? '').split(';')[0] ?? '';
    expect(rotated).not.toBe(session.cookie);
    await http(a.url).get('/api/v1/me').set('authorization', `Bearer ${(refreshed.body as { accessToken: string }).accessToken}`).expect(200);

    const replay = await http(a.url).post('/api/v1/auth/refresh').set('cookie', session.cookie);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
    await http(b.url).post('/api/v1/auth/refresh').set('cookie', rotated).expect(401);
    await http(b.url).get('/api/v1/me').set('authorization', session.authorization).expect(401);
    await http(a.url).get('/api/v1/me').set('authorization', session.authorization).expect(401);
  });

  it(`counts a principal's requests on both processes against one limit (${String(LIMIT)} a minute)`, async () => {
    const { authorization } = await signIn(a.url, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }));
    await insideOneMinute(ctx.owner);
    for (let i = 0; i < LIMIT; i++) await http(i % 2 === 0 ? a.url : b.url).get('/api/v1/me').set('authorization', authorization).expect(200);
    // Each process saw only half of them; together they are at the limit.
    for (const api of [a, b]) {
      const refused = await http(api.url).get('/api/v1/me').set('authorization', authorization);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // A load balancer's health probes come from one address to every process: they are never counted.
    for (let i = 0; i <= LIMIT; i++) await http(i % 2 === 0 ? a.url : b.url).get('/api/health/live').expect(200);
  });

  it('an idempotent partner POST retried on the other process creates one registration', async () => {
    const partner = await partnerWithClient(a.url, admin, `CVO Twee ${String(Date.now())}`, ['registrations:write']);
    const post = (api: ApiProcess, key: string, lastName: string) =>
      http(api.url)
        .post(`/api/v1/partner/regions/${region.slug}/registrations`)
        .set('authorization', partner.token)
        .set('idempotency-key', key)
        .send({ learner: { firstName: 'Yusuf', lastName, dateOfBirth: '1985-05-05' }, consentReference: 'Formulier v3' });
    const count = async (lastName: string) =>
      (await ctx.owner.query<[{ n: number }]>("SELECT count(*)::int AS n FROM exchange.registration WHERE payload->'learner'->>'lastName' = $1", [lastName]))[0].n;

    const retried = `Retry${String(Date.now() % 100000)}`;
    const first = await post(a, `key-${retried}`, retried).expect(201);
    const again = await post(b, `key-${retried}`, retried).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count(retried)).toBe(1);

    // The same request sent to both at once: one runs, the other waits its turn or replays.
    const raced = `Race${String(Date.now() % 100000)}`;
    const answers = await Promise.all([post(a, `key-${raced}`, raced), post(b, `key-${raced}`, raced)]);
    expect(answers.every((r) => r.status === 201 || (r.status === 409 && (r.body as { code: string }).code === 'IDEMPOTENCY.IN_PROGRESS'))).toBe(true);
    expect(await count(raced)).toBe(1);
  });

  it('delivers each webhook event exactly once although both processes run the job queue', async () => {
    const partner = await partnerWithClient(a.url, admin, `CVO Haak ${String(Date.now())}`, ['referrals:read', 'referrals:write', 'webhooks:manage']);
    const hook = (await http(b.url).post('/api/v1/partner/webhooks').set('authorization', partner.token).send({ url: receiver.url('/twice'), eventTypes: ['referral.created', 'referral.status_changed'] }).expect(201))
      .body as { id: string };
    const counsellor = (await signIn(b.url, await ctx.newUser({ regions: { [region.slug]: 'counsellor' } }))).authorization;
    const before = await bouncer.pools();
    // The counsellor works on A, the partner's system on B: both processes write events and wake both relays.
    await runReferralLoop({ regionSide: a.url, partnerSide: b.url, slug: region.slug, counsellor, partner });

    const deliveries = async () =>
      ctx.owner.query<{ status: string; attempts: number }[]>(
        'SELECT d.status, (SELECT count(*)::int FROM exchange.webhook_attempt t WHERE t.delivery_id = d.id) AS attempts FROM exchange.webhook_delivery d WHERE d.endpoint_id = $1',
        [hook.id],
      );
    await until('5 deliveries delivered', async () => {
      const rows = await deliveries();
      return rows.length >= 5 && rows.every((row) => row.status === 'delivered') && rows;
    });
    // Give a duplicate every chance to show up: a job queue poll of both processes and a relay sweep.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const received = receiver.at('/twice');
    expect(received.map((r) => r.json.type).sort()).toEqual(['referral.created', 'referral.status_changed', 'referral.status_changed', 'referral.status_changed', 'referral.status_changed']);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(5);
    expect(await deliveries()).toEqual(Array.from({ length: 5 }, () => ({ status: 'delivered', attempts: 1 })));
    // The requests went through PgBouncer.
    expect((await bouncer.pools()).transactions).toBeGreaterThan(before.transactions);
  });
});
