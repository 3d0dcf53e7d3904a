import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionMigrations } from '../../src/database/migrations/region/index.js';
import { latestTimestamp } from '../../src/database/migration-runner.js';
import { regionRoleName, regionSchemaName } from '../../src/tenancy/region-naming.js';
import { migrateDatabase, type SchemaMigratorOptions } from '../../src/tenancy/schema-migrator.js';
import { ownTestDatabase } from '../support/own-database.js';
import { createTestContext, type TestContext, uniqueSlug } from '../support/test-context.js';

class FailingMigration1900000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE half_done (id int)');
    await runner.query('SELECT 1/0');
  }
  async down(): Promise<void> {}
}

describe('region provisioning and migrations', () => {
  let ctx: TestContext;
  let options: SchemaMigratorOptions;

  beforeAll(async () => {
    // A database of its own: these tests run db:migrate, with extra migrations, over every region of their database.
    ctx = await createTestContext({ databaseUrl: await ownTestDatabase('lw_provisioning_test') });
    options = { roles: ctx.identity.roles, appPassword: ctx.config.database.appPassword, concurrency: 3 };
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** What a region leaves in the catalog and the registry. */
  async function traces(slug: string): Promise<{ schema: number; role: number; registry: number }> {
    const [row] = (await ctx.owner.query<[{ schema: number; role: number; registry: number }]>(
      `SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = $1)::int AS schema,
              (SELECT count(*) FROM pg_roles WHERE rolname = $2)::int AS role,
              (SELECT count(*) FROM platform.region WHERE slug = $3)::int AS registry`,
      [regionSchemaName(slug), regionRoleName(ctx.identity.rolePrefix, slug), slug],
    ));
    return row;
  }

  it('creates the registry row, schema, role and applied migrations', async () => {
    const region = await ctx.newRegion({ displayName: '  Leerwinkel Test  ' });
    expect(region).toMatchObject({ displayName: 'Leerwinkel Test', schemaVersion: latestTimestamp(regionMigrations) });
    expect(await traces(region.slug)).toEqual({ schema: 1, role: 1, registry: 1 });
    const applied = (await ctx.owner.query<{ name: string }[]>(`SELECT name FROM "${region.schemaName}".migrations ORDER BY "timestamp"`));
    expect(applied.map((m) => m.name)).toEqual(regionMigrations.map((m) => m.name));
  });

  it('refuses a second region with the same slug and leaves the first intact', async () => {
    const region = await ctx.newRegion();
    await expect(ctx.newRegion({ slug: region.slug })).rejects.toMatchObject({ code: 'REGION.ALREADY_EXISTS', status: 409 });
    expect(await traces(region.slug)).toEqual({ schema: 1, role: 1, registry: 1 });
  });

  it('a provisioning that fails halfway leaves no schema, role or registry row', async () => {
    const slug = uniqueSlug('fail');
    await expect(ctx.newRegion({ slug, migrations: [...regionMigrations, FailingMigration1900000000000] })).rejects.toThrow(
      'division by zero',
    );
    expect(await traces(slug)).toEqual({ schema: 0, role: 0, registry: 0 });
    // and the slug is free again
    await ctx.newRegion({ slug });
    expect(await traces(slug)).toEqual({ schema: 1, role: 1, registry: 1 });
  });

  it('rejects bad slugs before touching the database', async () => {
    for (const slug of ['../x', 'west"; drop', 'A-upper', 'é', '', 'x', `a${'b'.repeat(41)}`]) {
      await expect(ctx.newRegion({ slug })).rejects.toThrow('Invalid region slug');
    }
  });

  it('db:migrate twice: the second run changes nothing', async () => {
    const region = await ctx.newRegion();
    await migrateDatabase(ctx.owner, options);
    // Scoped to what this test owns: other test files provision regions meanwhile.
    const catalog = async (): Promise<unknown> =>
      ctx.owner.query(
        `SELECT (SELECT json_agg(concat_ws(':', n.nspname, c.relname, c.relkind, c.relacl::text) ORDER BY n.nspname, c.relname, c.relkind)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname IN ('platform', 'reference', $1)) AS relations,
                (SELECT json_agg(r.rolname || ':' || r.rolinherit ORDER BY r.rolname) FROM pg_roles r WHERE r.rolname = ANY($2)) AS roles,
                (SELECT count(*) FROM platform.migrations)::int AS platform_migrations,
                (SELECT json_build_object('v', schema_version, 'u', updated_at) FROM platform.region WHERE slug = $3) AS region`,
        [region.schemaName, [region.roleName, ctx.identity.roles.app, ctx.identity.roles.regionBase], region.slug],
      );
    const before = await catalog();
    const report = await migrateDatabase(ctx.owner, options);
    expect(report.platform).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.regions.find((r) => r.slug === region.slug)).toEqual({ slug: region.slug, applied: [] });
    expect(report.regions.every((r) => r.applied.length === 0)).toBe(true);
    expect(await catalog()).toEqual(before);
  });

  it('two migrators at once do not collide', async () => {
    const reports = await Promise.all([migrateDatabase(ctx.owner, options), migrateDatabase(ctx.owner, options)]);
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
  });

  it('a region whose migration fails is reported and rolled back; the others are migrated', async () => {
    const [good, bad] = await Promise.all([ctx.newRegion(), ctx.newRegion()]);
    class FailsInOneRegion1900000000001 implements MigrationInterface {
      async up(runner: QueryRunner): Promise<void> {
        await runner.query('CREATE TABLE added_later (id int)');
        const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as [{ schema: string }];
        if (schema === bad.schemaName) throw new Error(`cannot migrate ${schema}`);
      }
      async down(): Promise<void> {}
    }
    const report = await migrateDatabase(ctx.owner, { ...options, regionMigrations: [...regionMigrations, FailsInOneRegion1900000000001] });

    expect(report.failed).toEqual([{ slug: bad.slug, applied: [], error: `cannot migrate ${bad.schemaName}` }]);
    expect(report.regions.find((r) => r.slug === good.slug)?.applied).toEqual(['FailsInOneRegion1900000000001']);
    const tables = async (schema: string): Promise<number> =>
      Number(((await ctx.owner.query<[{ n: string }]>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'added_later'", [schema])))[0].n);
    expect(await tables(good.schemaName)).toBe(1);
    expect(await tables(bad.schemaName)).toBe(0);
    const versions = (await ctx.owner.query<{ slug: string; schema_version: string }[]>('SELECT slug, schema_version FROM platform.region WHERE slug = ANY($1) ORDER BY slug', [
      [good.slug, bad.slug],
    ]));
    expect(Object.fromEntries(versions.map((v) => [v.slug, Number(v.schema_version)]))).toEqual({
      [good.slug]: 1900000000001,
      [bad.slug]: latestTimestamp(regionMigrations),
    });
  });
});
