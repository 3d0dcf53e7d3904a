// Runs once per `jest` run, in Jest's parent process (CommonJS-transformed TypeScript cannot load the
// ESM sources there), so it uses the compiled dist/ — the api's `test` script builds first.
import { EmbeddedPostgres } from '../../dist/database/embedded/embedded-postgres.js';
import { loadConfig } from '../../dist/config/config.js';
import { databaseIdentity } from '../../dist/database/data-sources.js';
import { runMigrations } from '../../dist/database/migrate.js';
import { assertTestDatabase, freePort, recreateTestDatabase, TEST_DATABASE, temporaryFolder } from './test-database.mjs';

/**
 * A real PostgreSQL for the whole run: the embedded one in a temporary folder, or DATABASE_URL, which must
 * name a `*_test` database. The test database is created afresh and the platform migrated.
 */
export default async function globalSetup() {
  let url = process.env.DATABASE_URL;
  if (url) {
    assertTestDatabase(url);
  } else {
    const server = new EmbeddedPostgres({
      dataDir: temporaryFolder('leerwinkel-test-pg'),
      port: await freePort(),
      ephemeral: true,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
      log: () => undefined,
    });
    await server.start();
    globalThis.__embeddedPostgres = server;
    const parsed = new URL(server.url);
    parsed.pathname = `/${TEST_DATABASE}`;
    url = parsed.toString();
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  await recreateTestDatabase(url, databaseIdentity(config.database).rolePrefix);
  await runMigrations(config, () => undefined);
  process.env.DATABASE_URL = url;
}
