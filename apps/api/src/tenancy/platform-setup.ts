import { escapeLiteral } from 'pg';
import type { QueryRunner } from 'typeorm';
import { applyMigrations, type AppliedMigration, type MigrationClass } from '../database/migration-runner.js';
import { type PlatformRoles, quoteIdent } from './region-naming.js';

/**
 * Creates (or brings in step) the platform schema, the shared reference schema and the two platform roles,
 * then applies the platform migrations and grants. Idempotent; runs inside the caller's transaction as the
 * owner role, under the migration lock.
 *
 * - `<prefix>_app` logs in for the running API. Its search_path in this database is empty, so an
 *   unqualified query outside a region unit of work fails; it may read and write the platform schema and
 *   may only SET ROLE to a region role (granted WITH INHERIT FALSE when the region is provisioned).
 * - `<prefix>_region` is the group of all region roles: read-only use of the reference schema.
 */
export async function setUpPlatform(
  runner: QueryRunner,
  roles: PlatformRoles,
  appPassword: string,
  migrations: readonly MigrationClass[],
): Promise<AppliedMigration[]> {
  const app = quoteIdent(roles.app);
  const regionBase = quoteIdent(roles.regionBase);
  const [{ db }] = (await runner.query('SELECT current_database() AS db')) as [{ db: string }];

  await createRoleIfMissing(runner, roles.app, 'LOGIN NOINHERIT');
  await createRoleIfMissing(runner, roles.regionBase, 'NOLOGIN');
  await runner.query(`ALTER ROLE ${app} WITH LOGIN NOINHERIT PASSWORD ${escapeLiteral(appPassword)}`);
  await runner.query(`ALTER ROLE ${app} IN DATABASE "${db.replaceAll('"', '""')}" SET search_path = ''`);

  await runner.query('CREATE SCHEMA IF NOT EXISTS platform');
  await runner.query('CREATE SCHEMA IF NOT EXISTS reference');
  await runner.query('REVOKE ALL ON SCHEMA platform FROM PUBLIC');
  await runner.query('REVOKE ALL ON SCHEMA reference FROM PUBLIC');

  // Shared extensions for every region: trigram search and accent folding, in their own schema.
  await runner.query('CREATE SCHEMA IF NOT EXISTS extensions');
  await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions');
  await runner.query('CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA extensions');
  await runner.query(`
    CREATE OR REPLACE FUNCTION extensions.search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT regexp_replace(lower(extensions.unaccent('extensions.unaccent'::regdictionary, value)), '[^a-z0-9]+', '', 'g') $$`);
  await runner.query(`GRANT USAGE ON SCHEMA extensions TO ${regionBase}, ${app}`);

  await runner.query("SELECT set_config('search_path', 'platform', true)");
  const applied = await applyMigrations(runner, 'platform', migrations);
  await runner.query("SELECT set_config('search_path', '', true)");

  await runner.query(`GRANT USAGE ON SCHEMA platform TO ${app}`);
  await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA platform TO ${app}`);
  await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA platform TO ${app}`);
  await runner.query(`REVOKE ALL ON platform.migrations FROM ${app}`);
  // Append-only: the API may add audit events and read them, never change or remove one.
  await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON platform.audit_event FROM ${app}`);
  await runner.query(`GRANT USAGE ON SCHEMA reference TO ${regionBase}, ${app}`);
  await runner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reference TO ${regionBase}, ${app}`);
  return applied;
}

async function createRoleIfMissing(runner: QueryRunner, role: string, options: string): Promise<void> {
  const rows = (await runner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[];
  if (rows.length === 0) await runner.query(`CREATE ROLE ${quoteIdent(role)} ${options}`);
}
