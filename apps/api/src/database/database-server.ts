import { Client } from 'pg';
import { type AppConfig, withDatabaseUrl } from '../config/config.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

export const EMBEDDED_DATABASE = 'leerwinkel';

export interface DatabaseServer {
  config: AppConfig;
  /** Stops the embedded server, if one was started. */
  stop: () => Promise<void>;
  embedded: boolean;
}

/**
 * With DATABASE_URL: that server. Without: the embedded PostgreSQL with its data in EMBEDDED_POSTGRES_DIR
 * (kept between runs) and a `leerwinkel` database.
 */
export async function openDatabaseServer(config: AppConfig, log: (message: string) => void): Promise<DatabaseServer> {
  if (config.database.url) return { config, stop: () => Promise.resolve(), embedded: false };
  const server = new EmbeddedPostgres({ dataDir: config.embeddedPostgres.dataDir, port: config.embeddedPostgres.port, log });
  await server.start();
  try {
    await createDatabaseIfMissing(server.url, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = new URL(server.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgres.port}, data in ${server.dataDir}`);
  return { config: withDatabaseUrl(config, url.toString()), stop: () => server.stop(), embedded: true };
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
