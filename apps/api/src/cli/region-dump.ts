import { createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { isRegionSlug } from '@leerwinkel/contracts';
import { dumpRegion } from '../tenancy/region-dump.js';
import { DumpKey } from '../tenancy/region-dump-key.js';
import { fail, log, operator, operatorPath, withOwner } from './cli.js';

/**
 * `pnpm region:dump <slug> <file>`: a logical dump of one region (docs/operations.md, "Backup and restore of
 * one region"). Writes `<file>.<pid>.partial` (mode 0600: it holds personal data), flushes it to disk and
 * renames it to `<file>` only when complete; never overwrites a file. Read-only on the database apart from
 * the audit event; does not migrate.
 */
const args = process.argv.slice(2);
const [slug, file] = args;
if (args.length !== 2 || !isRegionSlug(slug) || !file) {
  log('Usage: pnpm region:dump <slug> <file>');
  log('  e.g. pnpm region:dump west-vlaanderen backups/west-vlaanderen.lwdump');
  process.exit(2);
}
const target = operatorPath(file);
if (existsSync(target)) {
  log(`${target} exists; a dump never overwrites a file.`);
  process.exit(2);
}
await withOwner(async (owner, server) => {
  const partial = `${target}.${process.pid}.partial`;
  const started = performance.now();
  try {
    const key = new DumpKey(server.config.fieldEncryptionKey);
    const summary = await dumpRegion(owner, slug, createWriteStream(partial, { flags: 'wx', mode: 0o600 }), { key, operator: operator() });
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
    const rows = summary.sections.reduce((sum, s) => sum + s.rows, 0);
    log(`Dumped region ${slug} (${summary.region.id}): ${rows} rows in ${summary.sections.length} tables, ${summary.sequences} sequences, in ${Math.round(performance.now() - started)} ms`);
    for (const section of summary.sections) log(`  ${section.name.padEnd(28)} ${section.rows}`);
    log(`Written to ${target}`);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}).catch(fail);
