import { createReadStream, existsSync } from 'node:fs';
import { databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { DumpKey } from '../tenancy/region-dump-key.js';
import { restoreRegion } from '../tenancy/region-restore.js';
import { fail, log, operator, operatorPath, withOwner } from './cli.js';

/**
 * `pnpm region:restore <file> [--replace]`: restores a region from `pnpm region:dump` in one transaction
 * (docs/operations.md, "Backup and restore of one region"). Refuses when the region exists, unless --replace:
 * then the existing region is removed and the dump restored together, or neither happens.
 */
const args = process.argv.slice(2);
const replace = args.includes('--replace');
const files = args.filter((arg) => arg !== '--replace');
const [typed] = files;
if (files.length !== 1 || !typed || typed.startsWith('--')) {
  log('Usage: pnpm region:restore <file> [--replace]');
  log('  --replace  remove the existing region with the same slug (or id) first, in the same transaction');
  process.exit(2);
}
const file = operatorPath(typed);
if (!existsSync(file)) {
  log(`No such file: ${file}`);
  process.exit(2);
}
await withOwner(async (owner, server) => {
  await runMigrations(server.config, () => undefined);
  const identity = databaseIdentity(server.config.database);
  const started = performance.now();
  const report = await restoreRegion(owner, createReadStream(file), {
    prefix: identity.rolePrefix,
    roles: identity.roles,
    key: new DumpKey(server.config.fieldEncryptionKey),
    replace,
    operator: operator(),
  });
  const rows = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  log(`Restored region ${report.region.slug} (${report.region.id})${report.replaced ? ' over the existing one' : ''}: ${rows} rows in ${Math.round(performance.now() - started)} ms`);
  for (const [name, n] of Object.entries(report.skipped)) log(`  left out ${n} row(s) of ${name}: what they point to no longer exists`);
  if (report.erasuresToReview.length > 0) {
    log(`  PRIVACY: ${report.erasuresToReview.length} learner(s) had an erasure or anonymisation recorded after the dump; review and erase again:`);
    for (const learner of report.erasuresToReview) log(`    ${learner}`);
  }
  if (report.migratedForward.length > 0) log(`  migrated forward: ${report.migratedForward.join(', ')}`);
  if (report.deliveriesRequeued > 0) log(`  ${report.deliveriesRequeued} webhook delivery(ies) pending at the dump queued again (the API's job queue sends them)`);
}).catch(fail);
