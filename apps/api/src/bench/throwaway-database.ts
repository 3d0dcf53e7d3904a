import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AppConfig, loadConfig } from '../config/config.js';
import { createDatabaseIfMissing } from '../database/database-server.js';
import { EmbeddedPostgres } from '../database/embedded/embedded-postgres.js';

export interface ThrowawayDatabase {
  /** The configuration of a process using this database (DATABASE_URL set, logs silent, plus `env`). */
  config: AppConfig;
  /** Stops the server and removes its data folder. */
  stop: () => Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL for a benchmark: a fresh data folder under the system temp folder, a
 * random non-default port, a `leerwinkel_bench` database; everything is removed on stop. `settings` are extra
 * server settings (e.g. fsync off for bulk loading), `env` extra configuration of the app under test.
 * Ctrl-C stops the server and removes its files as well.
 */
export async function openThrowawayDatabase(options: { settings?: Record<string, string>; env?: Record<string, string> } = {}): Promise<ThrowawayDatabase> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-bench-'));
  const server = new EmbeddedPostgres({
    dataDir: path.join(folder, 'data'),
    port: 54400 + Math.floor(Math.random() * 500),
    ephemeral: true,
    settings: options.settings,
    log: () => undefined,
  });
  async function stop(): Promise<void> {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    // Its files are deleted next: no shutdown checkpoint (after a write benchmark it can take minutes on a busy disk).
    await server.stop({ immediate: true });
    rmSync(folder, { recursive: true, force: true });
  }
  // Interrupted (Ctrl-C): the server and its files go too.
  function interrupted(): void {
    void stop().finally(() => process.exit(130));
  }
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await server.start();
    await createDatabaseIfMissing(server.url, 'leerwinkel_bench');
    const url = new URL(server.url);
    url.pathname = '/leerwinkel_bench';
    return { config: loadConfig({ LOG_LEVEL: 'silent', ...options.env, DATABASE_URL: url.toString() }), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
