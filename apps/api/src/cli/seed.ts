import { databaseIdentity } from '../database/data-sources.js';
import { runMigrations } from '../database/migrate.js';
import { seedDemoData } from '../database/seeds/demo.seed.js';
import { fail, log, withOwner } from './cli.js';

/** `pnpm db:seed`: migrations, then the demo data (idempotent). */
await withOwner(async (owner, server) => {
  await runMigrations(server.config, log);
  const identity = databaseIdentity(server.config.database);
  const created = await seedDemoData(owner, identity.rolePrefix, identity.roles);
  log(created.length === 0 ? 'Demo data already present.' : `Created demo regions: ${created.join(', ')}`);
}).catch(fail);
