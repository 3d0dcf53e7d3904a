// `pnpm dev` for the API: the database once (embedded unless DATABASE_URL), migrations and demo data, then
// the TypeScript compiler in watch mode and the API restarted on every change. Ctrl-C stops all of it.
import { spawn, spawnSync } from 'node:child_process';
import process from 'node:process';

const build = spawnSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { loadConfig } = await import('../dist/config/config.js');
const { openDatabaseServer } = await import('../dist/database/database-server.js');
const { runMigrations } = await import('../dist/database/migrate.js');
const { createOwnerDataSource, databaseIdentity } = await import('../dist/database/data-sources.js');
const { seedDemoData } = await import('../dist/database/seeds/demo.seed.js');

const log = (message) => process.stderr.write(`${message}\n`);
const server = await openDatabaseServer(loadConfig(), log);
const { config } = server;
await runMigrations(config, log);
const owner = createOwnerDataSource(config.database, 2);
await owner.initialize();
const identity = databaseIdentity(config.database);
await seedDemoData(owner, identity.rolePrefix, identity.roles).finally(() => owner.destroy());

const env = { ...process.env, DATABASE_URL: config.database.url, SERVE_WEB: 'false' };
const children = [
  spawn('pnpm', ['exec', 'tsc', '-w', '--preserveWatchOutput', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=dist', 'dist/main.js'], { stdio: 'inherit', env }),
];
log(`\n  API on http://localhost:${config.port}/api (restarts on change) · web app: http://localhost:5173\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
