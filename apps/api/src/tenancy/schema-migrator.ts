import type { DataSource } from 'typeorm';
import { applyMigrations, type AppliedMigration, latestTimestamp, type MigrationClass } from '../database/migration-runner.js';
import { platformMigrations } from '../database/migrations/platform/index.js';
import { regionMigrations } from '../database/migrations/region/index.js';
import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY, REGION_SCHEMA_LOCK_NAMESPACE } from './advisory-locks.js';
import { setUpPlatform } from './platform-setup.js';
import { type PlatformRoles, quoteIdent } from './region-naming.js';

export interface RegionMigrationResult {
  slug: string;
  applied: string[];
  error?: string;
}

export interface MigrationReport {
  platform: string[];
  regions: RegionMigrationResult[];
  failed: RegionMigrationResult[];
}

export interface SchemaMigratorOptions {
  roles: PlatformRoles;
  appPassword: string;
  concurrency: number;
  platformMigrations?: readonly MigrationClass[];
  regionMigrations?: readonly MigrationClass[];
  /** Called when another migrator holds the lock and this one waits. */
  onWait?: () => void;
}

/**
 * `db:migrate`: the platform first, then every region with bounded concurrency, each region in its own
 * transaction (a failing region is reported and rolled back; the others go on). Idempotent. The whole run
 * holds a session advisory lock, so two migrators never interleave.
 */
export async function migrateDatabase(owner: DataSource, options: SchemaMigratorOptions): Promise<MigrationReport> {
  const platformSet = options.platformMigrations ?? platformMigrations;
  const regionSet = options.regionMigrations ?? regionMigrations;
  const lock = owner.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
      LOCK_NAMESPACE,
      MIGRATION_LOCK_KEY,
    ])) as [{ locked: boolean }];
    if (!locked) {
      options.onWait?.();
      await lock.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
    }
    try {
      const platform = await migratePlatform(owner, options, platformSet);
      const regions = await migrateRegions(owner, regionSet, options.concurrency);
      return {
        platform: platform.map((m) => m.name),
        regions,
        failed: regions.filter((r) => r.error !== undefined),
      };
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

async function migratePlatform(
  owner: DataSource,
  options: SchemaMigratorOptions,
  migrations: readonly MigrationClass[],
): Promise<AppliedMigration[]> {
  const runner = owner.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const applied = await setUpPlatform(runner, options.roles, options.appPassword, migrations);
    await runner.commitTransaction();
    return applied;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

async function migrateRegions(
  owner: DataSource,
  migrations: readonly MigrationClass[],
  concurrency: number,
): Promise<RegionMigrationResult[]> {
  const regions = await owner.query<{ slug: string; schema_name: string; role_name: string }[]>(
    'SELECT slug, schema_name, role_name FROM platform.region ORDER BY slug',
  );
  const results: RegionMigrationResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let region = regions[next++]; region; region = regions[next++]) {
      results.push(await migrateRegion(owner, region.slug, region.schema_name, region.role_name, migrations));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, regions.length) }, worker));
  return results.sort((a, b) => a.slug.localeCompare(b.slug));
}

async function migrateRegion(
  owner: DataSource,
  slug: string,
  schemaName: string,
  roleName: string,
  migrations: readonly MigrationClass[],
): Promise<RegionMigrationResult> {
  const schema = quoteIdent(schemaName);
  const runner = owner.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, slug]);
    // Migrations may grant or revoke for the region's role: they read it from leerwinkel.region_role.
    await runner.query("SELECT set_config('search_path', $1, true), set_config('leerwinkel.region_role', $2, true)", [schema, roleName]);
    const applied = await applyMigrations(runner, schema, migrations);
    if (applied.length > 0) {
      await runner.query('UPDATE platform.region SET schema_version = $2, updated_at = now() WHERE slug = $1', [
        slug,
        latestTimestamp(migrations),
      ]);
    }
    await runner.commitTransaction();
    return { slug, applied: applied.map((m) => m.name) };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    return { slug, applied: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await runner.release();
  }
}
