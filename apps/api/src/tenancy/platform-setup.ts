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
  await createRoleIfMissing(runner, roles.partner, 'NOLOGIN');
  await createRoleIfMissing(runner, roles.webhooks, 'NOLOGIN');
  await createRoleIfMissing(runner, roles.analytics, 'NOLOGIN');
  await runner.query(`ALTER ROLE ${app} WITH LOGIN NOINHERIT PASSWORD ${escapeLiteral(appPassword)}`);
  await runner.query(`ALTER ROLE ${app} IN DATABASE "${db.replaceAll('"', '""')}" SET search_path = ''`);

  await runner.query('CREATE SCHEMA IF NOT EXISTS platform');
  await runner.query('CREATE SCHEMA IF NOT EXISTS reference');
  await runner.query('CREATE SCHEMA IF NOT EXISTS exchange');
  await runner.query('CREATE SCHEMA IF NOT EXISTS analytics');
  await runner.query('REVOKE ALL ON SCHEMA analytics FROM PUBLIC');
  await runner.query('REVOKE ALL ON SCHEMA exchange FROM PUBLIC');
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
  // Append-only: the API may add audit events and read them, never change or remove one. It names only
  // what happened; the chain trigger stamps time, seq and hashes, and alone touches the chain head.
  await runner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON platform.audit_event FROM ${app}`);
  await runner.query(
    `GRANT INSERT (action, actor_user_id, actor_client_id, target_type, target_id, region_id, ip, request_id, details) ON platform.audit_event TO ${app}`,
  );
  await runner.query(`REVOKE ALL ON platform.audit_chain_head FROM ${app}`);
  await setUpExchange(runner, roles);
  await setUpAnalytics(runner, roles);
  await runner.query(`GRANT USAGE ON SCHEMA reference TO ${regionBase}, ${app}`);
  await runner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reference TO ${regionBase}, ${app}`);
  return applied;
}

/**
 * The exchange area: regions (through their group role) and partners (through the partner role, which the
 * API may only SET) see their own rows only, by row-level security on `leerwinkel.region_id` /
 * `leerwinkel.partner_id`, which the units of work set per transaction. A missing setting matches nothing.
 */
async function setUpExchange(runner: QueryRunner, roles: PlatformRoles): Promise<void> {
  const region = quoteIdent(roles.regionBase);
  const partner = quoteIdent(roles.partner);
  const webhooks = quoteIdent(roles.webhooks);
  for (const role of [roles.partner, roles.webhooks]) await grantSetOnly(runner, role, roles.app);
  await runner.query(`GRANT USAGE ON SCHEMA exchange TO ${region}, ${partner}, ${webhooks}`);
  // DELETE: erasure removes a learner's referrals and registrations from the exchange area too.
  await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON exchange.referral TO ${region}`);
  // A partner may change only the state of its referrals, never the packet, the region or the addressee.
  await runner.query(`REVOKE UPDATE ON exchange.referral FROM ${partner}`);
  await runner.query(`GRANT SELECT, UPDATE (status, start_date, decline_reason, declined_by, updated_at, version) ON exchange.referral TO ${partner}`);
  await runner.query(`GRANT SELECT, INSERT ON exchange.referral_event TO ${region}, ${partner}`);
  // Retention clears the free-text notes of a learner's referral history.
  await runner.query(`GRANT UPDATE (note) ON exchange.referral_event TO ${region}`);
  await runner.query(`GRANT SELECT, UPDATE, DELETE ON exchange.registration TO ${region}`);
  await runner.query(`GRANT SELECT, INSERT ON exchange.registration TO ${partner}`);
  // Webhooks: owners manage their endpoints, add events to the outbox, read and replay their deliveries;
  // the dispatcher reads everything it must send and records what happened.
  await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON exchange.webhook_endpoint TO ${region}, ${partner}`);
  await runner.query(`GRANT SELECT, INSERT ON exchange.webhook_event, exchange.webhook_delivery TO ${region}, ${partner}`);
  await runner.query(`GRANT SELECT ON exchange.webhook_attempt TO ${region}, ${partner}`);
  await runner.query(`GRANT SELECT ON exchange.webhook_endpoint TO ${webhooks}`);
  await runner.query(`GRANT SELECT, UPDATE, DELETE ON exchange.webhook_event TO ${webhooks}`);
  await runner.query(`GRANT SELECT, INSERT, UPDATE ON exchange.webhook_delivery TO ${webhooks}`);
  await runner.query(`GRANT SELECT, INSERT ON exchange.webhook_attempt TO ${webhooks}`);
  const regionRows = "region_id = nullif(current_setting('leerwinkel.region_id', true), '')::uuid";
  const partnerRows = "partner_id = nullif(current_setting('leerwinkel.partner_id', true), '')::uuid";
  const own = (rows: string) => `USING (${rows}) WITH CHECK (${rows})`;
  // A partner may address an event only to a region it exchanges referrals or registrations with.
  const partnerEvent = `${partnerRows} AND (region_id IS NULL
    OR EXISTS (SELECT 1 FROM exchange.referral r WHERE r.region_id = webhook_event.region_id)
    OR EXISTS (SELECT 1 FROM exchange.registration g WHERE g.region_id = webhook_event.region_id))`;
  // A region may address an event only to a partner it exchanges referrals or registrations with.
  const regionEvent = `${regionRows} AND (partner_id IS NULL
    OR EXISTS (SELECT 1 FROM exchange.referral r WHERE r.partner_id = webhook_event.partner_id)
    OR EXISTS (SELECT 1 FROM exchange.registration g WHERE g.partner_id = webhook_event.partner_id))`;
  // A replay is a new delivery of a visible event to one of the owner's own endpoints.
  const ownDelivery = (rows: string) =>
    `USING (${rows}) WITH CHECK (${rows} AND EXISTS (SELECT 1 FROM exchange.webhook_endpoint e WHERE e.id = endpoint_id) AND EXISTS (SELECT 1 FROM exchange.webhook_event v WHERE v.id = event_id))`;
  const visibleReferral = 'EXISTS (SELECT 1 FROM exchange.referral r WHERE r.id = referral_id)';
  const visibleDelivery = 'EXISTS (SELECT 1 FROM exchange.webhook_delivery d WHERE d.id = delivery_id)';
  const policies: [string, string, string, string][] = [
    ['region_rows', 'exchange.referral', region, own(regionRows)],
    ['partner_rows', 'exchange.referral', partner, own(partnerRows)],
    ['region_rows', 'exchange.registration', region, own(regionRows)],
    ['partner_rows', 'exchange.registration', partner, own(partnerRows)],
    ['visible_referrals', 'exchange.referral_event', `${region}, ${partner}`, `USING (${visibleReferral}) WITH CHECK (${visibleReferral})`],
    ['region_rows', 'exchange.webhook_endpoint', region, own(regionRows)],
    ['partner_rows', 'exchange.webhook_endpoint', partner, own(partnerRows)],
    ['dispatcher', 'exchange.webhook_endpoint', webhooks, 'USING (true)'],
    ['region_rows', 'exchange.webhook_event', region, `USING (${regionRows}) WITH CHECK (${regionEvent})`],
    ['partner_rows', 'exchange.webhook_event', partner, `USING (${partnerRows}) WITH CHECK (${partnerEvent})`],
    ['dispatcher', 'exchange.webhook_event', webhooks, 'USING (true) WITH CHECK (true)'],
    ['region_rows', 'exchange.webhook_delivery', region, ownDelivery(regionRows)],
    ['partner_rows', 'exchange.webhook_delivery', partner, ownDelivery(partnerRows)],
    ['dispatcher', 'exchange.webhook_delivery', webhooks, 'USING (true) WITH CHECK (true)'],
    ['visible_deliveries', 'exchange.webhook_attempt', `${region}, ${partner}`, `USING (${visibleDelivery})`],
    ['dispatcher', 'exchange.webhook_attempt', webhooks, 'USING (true) WITH CHECK (true)'],
  ];
  for (const [name, table, to, rule] of policies) {
    const [schema = '', tableName = ''] = table.split('.');
    await replacePolicy(runner, schema, tableName, name, to, rule);
  }
}

/**
 * The analytics area: each region (re)writes only its own aggregate rows; the analytics role reads the
 * aggregates and the public names of regions and partner types, and nothing else — no region schema, no
 * exchange row, no user. PostgreSQL refuses it any learner-level table.
 */
async function setUpAnalytics(runner: QueryRunner, roles: PlatformRoles): Promise<void> {
  const region = quoteIdent(roles.regionBase);
  const analytics = quoteIdent(roles.analytics);
  await grantSetOnly(runner, roles.analytics, roles.app);
  await runner.query(`GRANT USAGE ON SCHEMA analytics TO ${region}, ${analytics}`);
  await runner.query(`GRANT SELECT, INSERT, DELETE ON analytics.indicator_fact TO ${region}`);
  await runner.query(`GRANT SELECT, INSERT, UPDATE ON analytics.region_refresh TO ${region}`);
  await runner.query(`GRANT SELECT ON analytics.indicator_fact, analytics.region_refresh TO ${analytics}`);
  await runner.query(`GRANT USAGE ON SCHEMA platform TO ${analytics}`);
  await runner.query(`GRANT SELECT (id, slug, display_name, status) ON platform.region TO ${analytics}`);
  await runner.query(`GRANT SELECT (id, type) ON platform.partner TO ${analytics}`);
  const regionRows = "region_id = nullif(current_setting('leerwinkel.region_id', true), '')::uuid";
  for (const table of ['indicator_fact', 'region_refresh']) {
    await replacePolicy(runner, 'analytics', table, 'region_rows', region, `USING (${regionRows}) WITH CHECK (${regionRows})`);
    await replacePolicy(runner, 'analytics', table, 'analytics_reads', analytics, 'USING (true)');
  }
}

/** (Re)creates a policy, so that every db:migrate leaves the policies exactly as this code defines them. */
async function replacePolicy(runner: QueryRunner, schema: string, table: string, name: string, to: string, rule: string): Promise<void> {
  await runner.query(`DROP POLICY IF EXISTS ${name} ON ${schema}.${table}`);
  await runner.query(`CREATE POLICY ${name} ON ${schema}.${table} TO ${to} ${rule}`);
}

/** The API's login role may switch to `role` (SET ROLE) but never inherits its privileges. */
async function grantSetOnly(runner: QueryRunner, role: string, app: string): Promise<void> {
  const [{ member }] = (await runner.query(
    'SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = $1 AND u.rolname = $2) AS member',
    [role, app],
  )) as [{ member: boolean }];
  if (!member) await runner.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(app)} WITH INHERIT FALSE, SET TRUE`);
}

async function createRoleIfMissing(runner: QueryRunner, role: string, options: string): Promise<void> {
  const rows = (await runner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[];
  if (rows.length === 0) await runner.query(`CREATE ROLE ${quoteIdent(role)} ${options}`);
}
