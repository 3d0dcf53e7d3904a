import type { QueryRunner } from 'typeorm';
import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY, REGION_SCHEMA_LOCK_NAMESPACE } from './advisory-locks.js';
import { quoteIdent } from './region-naming.js';

export interface RegisteredRegion {
  id: string;
  slug: string;
  schemaName: string;
  roleName: string;
}

/**
 * Removes a region inside the caller's transaction on an owner connection: its registry row (which cascades
 * to everything that references it: organisations, memberships, local partners with their offers and
 * clients, exchange and analytics rows), its schema and its role. Audit events stay (the trail is
 * append-only; they keep the region's id). Used by `region:restore --replace`, where the removal and the
 * restore commit together or not at all.
 */
export async function removeRegionIn(runner: QueryRunner, region: RegisteredRegion): Promise<void> {
  await runner.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
  await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, region.slug]);
  // People accounts of a region's local partner are platform identities, not region data: a removal would
  // have to delete them, so it is refused (the foreign key would refuse it too, less clearly).
  const [{ users }] = (await runner.query(
    `SELECT count(*)::int AS users FROM platform.user_account u
       JOIN platform.partner p ON p.id = u.partner_id WHERE p.owner_region_id = $1`,
    [region.id],
  )) as [{ users: number }];
  if (users > 0) {
    throw new Error(
      `Region ${region.slug} has local partners with ${users} user account(s); move or remove those accounts before removing the region.`,
    );
  }
  await runner.query('DELETE FROM platform.region WHERE id = $1', [region.id]);
  await runner.query(`DROP SCHEMA ${quoteIdent(region.schemaName)} CASCADE`);
  await runner.query(`DROP ROLE ${quoteIdent(region.roleName)}`);
}
