import { isRegionSlug } from '@leerwinkel/contracts';
import { databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { RegionProvisioner } from '../tenancy/region-provisioner.js';
import { fail, log, withOwner } from './cli.js';

/** `pnpm region:create <slug> "<display name>"` */
const [slug, displayName] = process.argv.slice(2);
if (!isRegionSlug(slug) || !displayName?.trim()) {
  log('Usage: pnpm region:create <slug> "<display name>"');
  log('  slug: lower-case letters, digits and hyphens, 2 to 41 characters, starting with a letter (e.g. west-vlaanderen)');
  process.exit(2);
}
await withOwner(async (owner, server) => {
  await runMigrations(server.config, () => undefined);
  const identity = databaseIdentity(server.config.database);
  const started = performance.now();
  const region = await new RegionProvisioner(owner, identity.rolePrefix, identity.roles).provision(slug, displayName);
  log(`Created region ${region.slug} ("${region.displayName}"): schema ${region.schemaName}, role ${region.roleName} in ${Math.round(performance.now() - started)} ms`);
}).catch(fail);
