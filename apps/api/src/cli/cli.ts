import { type AppConfig, ConfigError, loadConfig } from '../config/config.js';
import { createOwnerDataSource } from '../database/data-sources.js';
import { type DatabaseServer, openDatabaseServer } from '../database/database-server.js';
import type { DataSource } from 'typeorm';

/** Shared plumbing of the command-line tools: validated config, the database server, clean exits. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Runs `work` with the database server and an owner connection, then closes both (also on failure). */
export async function withOwner<T>(work: (owner: DataSource, server: DatabaseServer) => Promise<T>): Promise<T> {
  const server = await openDatabaseServer(loadConfigOrExit(), log);
  try {
    const owner = createOwnerDataSource(server.config.database);
    await owner.initialize();
    try {
      return await work(owner, server);
    } finally {
      await owner.destroy();
    }
  } finally {
    await server.stop();
  }
}

export function fail(error: unknown): never {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
