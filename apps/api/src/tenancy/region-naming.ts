import { isRegionSlug } from '@leerwinkel/contracts';

/**
 * Names of everything the platform creates in PostgreSQL. Schema and role names are derived here, from a
 * validated slug, when a region is provisioned, and then stored in the registry; at run time they are only
 * ever read back from the registry, never derived from request input.
 */
export interface PlatformRoles {
  /** Login role of the running API: no privileges of its own on region schemas. */
  app: string;
  /** Group role every region role belongs to: read-only access to shared reference data. */
  regionBase: string;
  /** Role of partner requests: only the exchange area, only its own rows (row-level security). */
  partner: string;
  /** Role of the webhook dispatcher: reads the outbox and records deliveries of every owner. */
  webhooks: string;
  /** Role of the support point's indicators: reads aggregates only (analytics schema), never a person. */
  analytics: string;
}

export function platformRoles(prefix: string): PlatformRoles {
  return { app: `${prefix}_app`, regionBase: `${prefix}_region`, partner: `${prefix}_partner`, webhooks: `${prefix}_webhooks`, analytics: `${prefix}_analytics` };
}

export function regionSchemaName(slug: string): string {
  assertSlug(slug);
  return `region_${slug.replaceAll('-', '_')}`;
}

export function regionRoleName(prefix: string, slug: string): string {
  assertSlug(slug);
  return `${prefix}_r_${slug.replaceAll('-', '_')}`;
}

/** Default role prefix: the database name made safe (roles are shared by all databases of a cluster). */
export function defaultRolePrefix(databaseName: string): string {
  const cleaned = databaseName.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 19);
  return /^[a-z]/.test(cleaned) ? cleaned : `lw_${cleaned}`.slice(0, 19);
}

/** Quotes an identifier that was derived by this module (defence in depth: they contain only [a-z0-9_]). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Refusing unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

function assertSlug(slug: string): void {
  if (!isRegionSlug(slug)) throw new Error(`Invalid region slug: ${JSON.stringify(slug)}`);
}
