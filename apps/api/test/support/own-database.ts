import { runMigrations } from '../../src/database/migrate.js';
import { databaseIdentity } from '../../src/database/data-sources.js';
import { recreateTestDatabase } from './test-database.mjs';
import { testConfig } from './test-context.js';

/**
 * A freshly migrated database of a test file's own on the test server, for tests that act on every region of
 * their database (db:migrate with extra migrations, comparisons that another file's indicator refresh or job
 * process would disturb): the shared database's regions belong to the other test files running at the same time.
 * Answers its URL, for createTestContext({ databaseUrl }).
 */
export async function ownTestDatabase(name: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  const config = testConfig({ DATABASE_URL: url.toString() });
  await recreateTestDatabase(url.toString(), databaseIdentity(config.database).rolePrefix);
  await runMigrations(config, () => undefined);
  return url.toString();
}
