import { createApp } from '../app.factory.js';
import { createLogger } from '../common/logging/logger.js';
import { surviveDatabaseOutages } from '../common/process/database-outage.js';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { openDatabaseServer } from '../database/database-server.js';
import { runMigrations } from '../database/migrate.js';
import { DEMO_CENTRAL_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS, demoRegionAccounts } from '../database/seeds/demo-accounts.js';
import { demoClient, demoPartners, demoPartnerUserEmail } from '../database/seeds/demo-catalogue.seed.js';
import { seedDemoData } from '../database/seeds/demo.seed.js';
import { fail, loadConfigOrExit, log } from './cli.js';

/**
 * `pnpm start`: the embedded PostgreSQL (unless DATABASE_URL is set), migrations, demo data, then the API
 * and the built SPA on one port. Ctrl-C stops the server and PostgreSQL cleanly; the data stays.
 */
const server = await openDatabaseServer(loadConfigOrExit(), log).catch(fail);
const { config } = server;
let app: Awaited<ReturnType<typeof createApp>> | undefined;
let stopping = false;
const stop = async (code: number): Promise<never> => {
  if (!stopping) {
    stopping = true;
    log('Stopping ...');
    await app?.close().catch(() => undefined);
    await server.stop();
    log('Stopped.');
  }
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));

try {
  await runMigrations(config, log);
  if (config.seedDemoData) {
    const owner = createOwnerDataSource(config.database, 2);
    await owner.initialize();
    const identity = databaseIdentity(config.database);
    const created = await seedDemoData(owner, identity.rolePrefix, identity.roles).finally(() => owner.destroy());
    if (created.length > 0) log(`Demo data: created regions ${created.join(', ')}`);
  }
  const logger = createLogger(config);
  surviveDatabaseOutages(logger);
  app = await createApp(config, { logger });
  await app.listen(config.port, config.host);
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await stop(1);
}

const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
log(
  [
    '',
    `  Leerwinkel is running at ${url}`,
    `  API ${url}/api  ·  docs ${url}/api/docs  ·  OpenAPI ${url}/api/openapi.json`,
    `  Demo regions: ${DEMO_REGIONS.map((r) => r.slug).join(', ')}`,
    `  Demo logins (DEMO ONLY, password ${DEMO_PASSWORD}):`,
    ...DEMO_CENTRAL_ACCOUNTS.map((a) => `    ${a.email.padEnd(48)} ${a.role}`),
    ...demoRegionAccounts('<region>', '').map((a) => `    ${a.email.padEnd(48)} ${a.role} of that region`),
    `    ${demoPartnerUserEmail('cvo-<region>').padEnd(48)} partner page of that region's CVO`,
    '  Demo partner API clients (DEMO ONLY, POST /api/v1/auth/token, grant_type=client_credentials):',
    ...demoPartners()
      .filter((p) => !p.key.startsWith('hvhn-') && !p.key.startsWith('ocmw-'))
      .slice(0, 4)
      .map((p) => `    ${demoClient(p.key).clientId.padEnd(34)} ${demoClient(p.key).clientSecret}   (${p.name})`),
    '    … one per demo partner, all listed in the README.',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
