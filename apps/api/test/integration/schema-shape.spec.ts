import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { quoteIdent } from '../../src/tenancy/region-naming.js';
import type { ProvisionedRegion } from '../../src/tenancy/region-provisioner.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

interface ForeignKey {
  constraint: string;
  from: string;
  to: string;
}

/** Every foreign key between two different schemas of which at least one is a region's. */
async function foreignKeysLeavingARegion(manager: Pick<EntityManager, 'query'>): Promise<ForeignKey[]> {
  return manager.query<ForeignKey[]>(
    `SELECT c.conname AS constraint, fn.nspname || '.' || f.relname AS from, tn.nspname || '.' || t.relname AS to
       FROM pg_constraint c
       JOIN pg_class f ON f.oid = c.conrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
       JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE c.contype = 'f' AND tn.nspname <> fn.nspname
        AND (fn.nspname IN (SELECT schema_name FROM platform.region) OR tn.nspname IN (SELECT schema_name FROM platform.region))
      ORDER BY 1`,
  );
}

/**
 * The shape a sharded deployment needs (Citus schema-based sharding, docs/scaling.md): a region schema only
 * ever references itself, and nothing shared references a region, so each region schema can be distributed
 * (`citus_schema_distribute`) and live on another node.
 */
describe('schema shape', () => {
  let ctx: TestContext;
  let regions: ProvisionedRegion[];

  beforeAll(async () => {
    ctx = await createTestContext();
    regions = [await ctx.newRegion(), await ctx.newRegion()];
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('has no foreign key that crosses from one region schema to another, or out of a region, or into one', async () => {
    const [{ regions: count }] = await ctx.owner.query<[{ regions: number }]>('SELECT count(*)::int AS regions FROM platform.region WHERE schema_name IS NOT NULL');
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await foreignKeysLeavingARegion(ctx.owner)).toEqual([]);
  });

  it('sees a foreign key from one region schema to another, and from a shared schema into a region (the check can fail)', async () => {
    const [a, b] = regions as [ProvisionedRegion, ProvisionedRegion];
    const runner = ctx.owner.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`ALTER TABLE ${quoteIdent(a.schemaName)}.referral ADD CONSTRAINT crossing_probe FOREIGN KEY (case_id) REFERENCES ${quoteIdent(b.schemaName)}.guidance_case (id)`);
      await runner.query(`CREATE TABLE platform.shape_probe (case_id uuid REFERENCES ${quoteIdent(a.schemaName)}.guidance_case (id))`);
      const found = await foreignKeysLeavingARegion(runner.manager);
      expect(found).toContainEqual({ constraint: 'crossing_probe', from: `${a.schemaName}.referral`, to: `${b.schemaName}.guidance_case` });
      expect(found).toContainEqual(expect.objectContaining({ from: 'platform.shape_probe', to: `${a.schemaName}.guidance_case` }));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
