import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import pg from 'pg';

const { Client } = pg;

export const TEST_DATABASE = 'leerwinkel_test';

/** Tests refuse any database whose name does not end in `_test`: they drop and recreate it. */
export function assertTestDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name.endsWith('_test')) {
    throw new Error(
      `Refusing to run tests against database "${name}": the tests drop and recreate their database, so its name must end in "_test" (DATABASE_URL).`,
    );
  }
}

/** Drops and recreates the test database and the cluster-wide roles that belong to it. */
export async function recreateTestDatabase(url, rolePrefix) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
    const roles = await client.query('SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)', [
      `${rolePrefix}_`,
    ]);
    for (const { rolname } of roles.rows) await client.query(`DROP ROLE ${client.escapeIdentifier(rolname)}`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export function temporaryFolder(name) {
  return path.join(mkdtempSync(path.join(os.tmpdir(), `${name}-`)), 'data');
}
