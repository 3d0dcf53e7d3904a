import { createApp } from './app.factory.js';
import { closeOnSignals } from './common/http/graceful-shutdown.js';
import { surviveDatabaseOutages } from './common/process/database-outage.js';
import { createLogger } from './common/logging/logger.js';
import { ConfigError, loadConfig } from './config/config.js';

/**
 * Production entry point (docker-compose): serves the API against DATABASE_URL. Migrations run as a
 * separate step (`node dist/cli/migrate.js`) before it starts.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}
const logger = createLogger(config);
surviveDatabaseOutages(logger);
const app = await createApp(config, { logger });
await app.listen(config.port, config.host);
logger.info({ url: `http://${config.host}:${config.port}` }, 'Leerwinkel API listening');

closeOnSignals(app, logger);
