import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { RateLimitRepository } from '../../src/common/auth/rate-limit.repository.js';
import { appConnectionOptions } from '../../src/database/data-sources.js';
import { createTestContext, insideOneMinute, uniqueSlug, type TestContext } from '../support/test-context.js';

/** The shared rate-limit counters, as the API's runtime role uses them. */
describe('rate-limit counters in PostgreSQL', () => {
  let ctx: TestContext;
  let app: DataSource;
  let counters: RateLimitRepository;

  beforeAll(async () => {
    ctx = await createTestContext();
    app = new DataSource(appConnectionOptions({ ...ctx.config.database, poolSize: 8 }));
    await app.initialize();
    counters = new RateLimitRepository(app);
  });
  afterAll(async () => {
    await app.destroy();
    await ctx.close();
  });

  it('counts per key in the current minute and answers the seconds left in it', async () => {
    await insideOneMinute(ctx.owner);
    const [a, b] = [uniqueSlug('user:a'), uniqueSlug('user:b')];
    for (let i = 1; i <= 3; i++) expect((await counters.hit([a], false))[0]?.hits).toBe(i);
    const both = await counters.hit([b, a], false);
    expect(Object.fromEntries(both.map((hit) => [hit.key, hit.hits]))).toEqual({ [a]: 4, [b]: 1 });
    for (const hit of both) expect(hit.secondsLeft >= 1 && hit.secondsLeft <= 60).toBe(true);
  });

  it('counts every hit exactly once when many connections hit one key at the same time', async () => {
    await insideOneMinute(ctx.owner);
    const key = uniqueSlug('client:burst');
    const answers = await Promise.all(Array.from({ length: 64 }, () => counters.hit([key, uniqueSlug('login-ip:')], false)));
    const counts = answers.map((hits) => hits.find((hit) => hit.key === key)?.hits).sort((x = 0, y = 0) => x - y);
    expect(counts).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  it('ignores past windows and prunes them, keeping the current one', async () => {
    await insideOneMinute(ctx.owner);
    const key = uniqueSlug('login-account:');
    await ctx.owner.query("INSERT INTO platform.rate_limit_window (window_start, key, hits) VALUES (date_trunc('minute', now()) - interval '1 minute', $1, 500)", [key]);
    expect((await counters.hit([key], false))[0]?.hits).toBe(1);
    expect((await counters.hit([key], true))[0]?.hits).toBe(2);
    const rows = await ctx.owner.query<{ hits: number }[]>('SELECT hits FROM platform.rate_limit_window WHERE key = $1', [key]);
    expect(rows).toEqual([{ hits: 2 }]);
  });

  it('is unlogged: no WAL is written per request', async () => {
    const [table] = await ctx.owner.query<[{ persistence: string }]>("SELECT relpersistence AS persistence FROM pg_class WHERE oid = 'platform.rate_limit_window'::regclass");
    expect(table.persistence).toBe('u');
  });
});
