import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app.factory.js';
import { createOpenApiDocument, serializeOpenApiDocument } from '../common/openapi/openapi.js';
import { loadConfig, REPO_ROOT } from '../config/config.js';

/**
 * `pnpm openapi`: writes apps/api/openapi.json from the controllers (no database needed: the app is
 * built in preview mode). The generated client in libs/contracts is made from this file.
 */
export const OPENAPI_FILE = path.join(REPO_ROOT, 'apps', 'api', 'openapi.json');

const config = loadConfig({ DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi', SERVE_WEB: 'false', NODE_ENV: 'development' });
const app = await createApp(config, { logger: pino({ level: 'error' }), preview: true });
writeFileSync(OPENAPI_FILE, serializeOpenApiDocument(createOpenApiDocument(app)));
await app.close();
process.stderr.write(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
