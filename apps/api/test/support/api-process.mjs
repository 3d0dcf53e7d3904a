// Runs the real API (with its job queue) in a process of its own, against the test database, so that tests can
// exercise what only a running server does (pg-boss workers, NOTIFY wake-ups, retries) and then end it whole.
// Environment: the test process's, plus whatever the test passes. Prints "ready <port>" once listening.
import { pino } from 'pino';
import { createApp } from '../../dist/app.factory.js';
import { closeOnSignals } from '../../dist/common/http/graceful-shutdown.js';
import { surviveDatabaseOutages } from '../../dist/common/process/database-outage.js';
import { loadConfig } from '../../dist/config/config.js';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_WEB: 'false', JOBS_ENABLED: 'true', ...process.env });
const logger = pino({ level: config.logLevel });
surviveDatabaseOutages(logger);
const app = await createApp(config, { logger });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
const address = app.getHttpServer().address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : ''}\n`);
closeOnSignals(app, logger);
