/**
 * What of a region lives outside its schema, for `region:dump` / `region:restore`: the rows of shared tables
 * that belong to the region, in the order a restore inserts them (parents first). `rows` selects them (`$region`
 * is the region's id); `keep` is the restore's filter on a dumped row `t`: rows whose counterpart outside the
 * region no longer exists are left out (and counted), as the database's ON DELETE CASCADE would have removed them.
 *
 * Every table with a foreign key to platform.region must be listed here: the dump refuses to run otherwise.
 * Not in a dump: platform.audit_event (the trail is append-only and hash-chained; a restore appends to it),
 * user accounts, refresh tokens and invitations (people are platform-wide), central partners and their offers,
 * jobs (pg-boss) and idempotency keys (transient).
 */
export interface SharedTable {
  table: string;
  rows: string;
  keep?: string;
}

const LOCAL_PARTNERS = '(SELECT id FROM platform.partner WHERE owner_region_id = $region)';
const REGION_ENDPOINTS = `(SELECT id FROM exchange.webhook_endpoint WHERE region_id = $region OR partner_id IN ${LOCAL_PARTNERS})`;
const REGION_EVENTS = `(SELECT id FROM exchange.webhook_event WHERE region_id = $region OR partner_id IN ${LOCAL_PARTNERS})`;
const REGION_DELIVERIES = `(SELECT id FROM exchange.webhook_delivery WHERE event_id IN ${REGION_EVENTS} OR endpoint_id IN ${REGION_ENDPOINTS})`;

/** The registry row: the restore provisions it (same id) and then takes these columns from the dump. */
export const REGION_TABLE = 'platform.region';
export const RESTORED_REGION_COLUMNS = ['display_name', 'status', 'created_at', 'updated_at'] as const;

export const SHARED_TABLES: readonly SharedTable[] = [
  { table: REGION_TABLE, rows: 'id = $region' },
  { table: 'platform.organisation', rows: 'region_id = $region' },
  // The region's local partners (visible to it alone) with their offers and API clients.
  { table: 'platform.partner', rows: 'owner_region_id = $region' },
  { table: 'platform.offer', rows: `partner_id IN ${LOCAL_PARTNERS}` },
  { table: 'platform.partner_client', rows: `partner_id IN ${LOCAL_PARTNERS}` },
  {
    table: 'platform.partner_region',
    rows: `region_id = $region OR partner_id IN ${LOCAL_PARTNERS}`,
    keep: 'EXISTS (SELECT 1 FROM platform.partner p WHERE p.id = t.partner_id) AND EXISTS (SELECT 1 FROM platform.region r WHERE r.id = t.region_id)',
  },
  { table: 'platform.region_membership', rows: 'region_id = $region', keep: 'EXISTS (SELECT 1 FROM platform.user_account u WHERE u.id = t.user_id)' },
  { table: 'exchange.referral', rows: 'region_id = $region' },
  { table: 'exchange.referral_event', rows: 'referral_id IN (SELECT id FROM exchange.referral WHERE region_id = $region)' },
  { table: 'exchange.registration', rows: 'region_id = $region' },
  { table: 'exchange.webhook_endpoint', rows: `region_id = $region OR partner_id IN ${LOCAL_PARTNERS}` },
  {
    table: 'exchange.webhook_event',
    rows: `region_id = $region OR partner_id IN ${LOCAL_PARTNERS}`,
    keep: '(t.partner_id IS NULL OR EXISTS (SELECT 1 FROM platform.partner p WHERE p.id = t.partner_id)) AND (t.region_id IS NULL OR EXISTS (SELECT 1 FROM platform.region r WHERE r.id = t.region_id))',
  },
  {
    table: 'exchange.webhook_delivery',
    rows: `event_id IN ${REGION_EVENTS} OR endpoint_id IN ${REGION_ENDPOINTS}`,
    keep: 'EXISTS (SELECT 1 FROM exchange.webhook_event e WHERE e.id = t.event_id) AND EXISTS (SELECT 1 FROM exchange.webhook_endpoint e WHERE e.id = t.endpoint_id)',
  },
  {
    table: 'exchange.webhook_attempt',
    rows: `delivery_id IN ${REGION_DELIVERIES}`,
    keep: 'EXISTS (SELECT 1 FROM exchange.webhook_delivery d WHERE d.id = t.delivery_id)',
  },
  // Aggregates: the region recomputes them anyway; restored so that the indicators are right at once.
  { table: 'analytics.indicator_fact', rows: 'region_id = $region' },
  { table: 'analytics.region_refresh', rows: 'region_id = $region' },
];

export function sharedTable(name: string): SharedTable | undefined {
  return SHARED_TABLES.find((t) => t.table === name);
}

/** `rows` with the region's id in place of `$region` (COPY takes no parameters; the id is a checked uuid literal). */
export function rowsOf(table: SharedTable, regionId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(regionId)) throw new Error(`Not a region id: ${regionId}`);
  return table.rows.replaceAll('$region', `'${regionId}'::uuid`);
}
