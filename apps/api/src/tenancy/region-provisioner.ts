import type { DataSource, QueryRunner } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { applyMigrations, ensureMigrationTable, latestTimestamp, type MigrationClass } from '../database/migration-runner.js';
import { regionMigrations } from '../database/migrations/region/index.js';
import { DomainError } from '../common/problem/domain-error.js';
import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY, REGION_SCHEMA_LOCK_NAMESPACE } from './advisory-locks.js';
import { type PlatformRoles, quoteIdent, regionRoleName, regionSchemaName } from './region-naming.js';

export interface ProvisionedRegion {
  id: string;
  slug: string;
  displayName: string;
  schemaName: string;
  roleName: string;
  schemaVersion: number;
}

/**
 * Creates a region: registry row, role, schema, grants and every region migration, all in ONE
 * transaction on the owner connection, so a failure at any step leaves nothing behind (PostgreSQL's
 * CREATE ROLE and CREATE SCHEMA are transactional).
 */
export class RegionProvisioner {
  constructor(
    private readonly owner: DataSource,
    private readonly prefix: string,
    private readonly roles: PlatformRoles,
    private readonly migrations: readonly MigrationClass[] = regionMigrations,
  ) {}

  async provision(slug: string, displayName: string): Promise<ProvisionedRegion> {
    const runner = this.owner.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const region = await this.provisionIn(runner, slug, displayName);
      await runner.commitTransaction();
      return region;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * The same inside the caller's transaction on an owner connection (a restore provisions, loads and commits
   * as one). `id` gives the registry row a known id (a restored region keeps its id).
   */
  async provisionIn(runner: QueryRunner, slug: string, displayName: string, id?: string): Promise<ProvisionedRegion> {
    const schemaName = regionSchemaName(slug); // validates the slug
    const roleName = regionRoleName(this.prefix, slug);
    const name = displayName.trim();
    if (name.length < 1 || name.length > 120) {
      throw DomainError.validation([{ field: 'displayName', message: 'must be 1 to 120 characters', rule: 'length' }]);
    }
    return this.create(runner, { id, slug, name, schemaName, roleName });
  }

  private async create(
    runner: QueryRunner,
    r: { id: string | undefined; slug: string; name: string; schemaName: string; roleName: string },
  ): Promise<ProvisionedRegion> {
    const schema = quoteIdent(r.schemaName);
    const role = quoteIdent(r.roleName);
    await runner.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
    await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, r.slug]);

    const inserted = (await runner.query(
      `INSERT INTO platform.region (id, slug, display_name, schema_name, role_name)
       VALUES (coalesce($5::uuid, gen_random_uuid()), $1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [r.slug, r.name, r.schemaName, r.roleName, r.id ?? null],
    )) as { id: string }[];
    const id = inserted[0]?.id;
    if (!id) {
      throw new DomainError(ProblemCode.REGION_ALREADY_EXISTS, 409, 'Region already exists', `A region with slug "${r.slug}" already exists.`);
    }

    await runner.query(`CREATE ROLE ${role} NOLOGIN INHERIT`);
    await runner.query(`GRANT ${quoteIdent(this.roles.regionBase)} TO ${role}`);
    await runner.query(`GRANT ${role} TO ${quoteIdent(this.roles.app)} WITH INHERIT FALSE, SET TRUE`);
    await runner.query(`CREATE SCHEMA ${schema}`);
    await runner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    // The migrations table exists before the default privileges: the region role never gets it.
    await ensureMigrationTable(runner, schema);
    await runner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await runner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);

    await runner.query("SELECT set_config('search_path', $1, true), set_config('leerwinkel.region_role', $2, true)", [schema, r.roleName]);
    await applyMigrations(runner, schema, this.migrations);
    const schemaVersion = latestTimestamp(this.migrations);
    await runner.query('UPDATE platform.region SET schema_version = $2, updated_at = now() WHERE id = $1', [id, schemaVersion]);
    await runner.query("SELECT set_config('search_path', '', true)");
    return { id, slug: r.slug, displayName: r.name, schemaName: r.schemaName, roleName: r.roleName, schemaVersion };
  }
}
