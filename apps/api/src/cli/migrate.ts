import { runMigrations } from '../database/migrate.js';
import { fail, log, withOwner } from './cli.js';

/** `pnpm db:migrate`: platform, then every region; exit code 1 when a region failed. */
const failed = await withOwner(async (_owner, server) => (await runMigrations(server.config, log)).failed.length).catch(fail);
process.exit(failed > 0 ? 1 : 0);
