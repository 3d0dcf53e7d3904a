import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestContext, type TestContext } from '../support/test-context.js';

/**
 * The shape a sharded deployment needs (e.g. Citus schema-based sharding): a region schema only
 * ever references itself, so each region can live on another node.
 */
describe('schema shape', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.newRegion();
    await ctx.newRegion();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('has no foreign key from a region schema to anything outside that schema', async () => {
    const crossing = await ctx.owner.query<{ constraint: string; from: string; to: string }[]>(
      `SELECT c.conname AS constraint, fn.nspname || '.' || f.relname AS from, tn.nspname || '.' || t.relname AS to
         FROM pg_constraint c
         JOIN pg_class f ON f.oid = c.conrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
         JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
        WHERE c.contype = 'f' AND fn.nspname IN (SELECT schema_name FROM platform.region) AND tn.nspname <> fn.nspname`,
    );
    expect(crossing).toEqual([]);
    const [{ regions }] = await ctx.owner.query<[{ regions: number }]>('SELECT count(*)::int AS regions FROM platform.region');
    expect(regions).toBeGreaterThanOrEqual(2);
  });
});
