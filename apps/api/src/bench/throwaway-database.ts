import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { type AppConfig, loadConfig } from '../config/config.js';
import { createDatabaseIfMissing } from '../database/database-server.js';
import { EmbeddedPostgres } from '../database/embedded/embedded-postgres.js';

export interface ThrowawayDatabase {
  /** The configuration of a process using this database (DATABASE_URL set, logs silent, plus `env`). */
  config: AppConfig;
  /** The server itself: fault tests stop and start it (its data stays until `stop`). */
  server: EmbeddedPostgres;
  /** Stops the server and removes its data folder. */
  stop: () => Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL for a benchmark: a fresh data folder under the system temp folder, a
 * free non-default port, a `leerwinkel_bench` database (or `database`); everything is removed on stop. `settings` are extra
 * server settings (e.g. fsync off for bulk loading), `env` extra configuration of the app under test.
 * Ctrl-C stops the server and removes its files as well.
 */
export async function openThrowawayDatabase(
  options: { settings?: Record<string, string>; env?: Record<string, string>; database?: string } = {},
): Promise<ThrowawayDatabase> {
  const database = options.database ?? 'leerwinkel_bench';
  const folder = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-bench-'));
  const server = new EmbeddedPostgres({
    dataDir: path.join(folder, 'data'),
    port: await freePort(),
    settings: options.settings,
    log: () => undefined,
  });
  async function stop(): Promise<void> {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    // Its files are deleted next: no shutdown checkpoint (after a write benchmark it can take minutes on a busy disk).
    await server.stop('immediate');
    rmSync(folder, { recursive: true, force: true });
  }
  // Interrupted (Ctrl-C): the server and its files go too.
  function interrupted(): void {
    void stop().finally(() => process.exit(130));
  }
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await server.start();
    await createDatabaseIfMissing(server.url, database);
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    return { config: loadConfig({ LOG_LEVEL: 'silent', ...options.env, DATABASE_URL: url.toString() }), server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}
