import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { stopChild } from '../../src/bench/stop-child.js';
import { freePort } from './test-database.mjs';

/** Where Debian's `pgbouncer` package installs it (CI: `apt-get install -y pgbouncer`, see .ci/run). */
const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

export interface PgBouncer {
  /** postgres://127.0.0.1:<port>/<database>, without user (the app fills in its runtime role). */
  url: string;
  /** Server connections PgBouncer may open per user and database. */
  poolSize: number;
  /** PgBouncer's own counters for the test database (SHOW POOLS / SHOW STATS on its admin console). */
  pools: () => Promise<{ clients: number; servers: number; transactions: number }>;
  stop: () => Promise<void>;
}

export interface PgBouncerOptions {
  /** The direct server URL (any user): host, port and database of the target. */
  target: string;
  /** The login role that connects through PgBouncer, and its password (written to PgBouncer's auth_file). */
  user: string;
  password: string;
  poolSize: number;
  /** PgBouncer sets it on every server connection (the API sends no startup parameters through a pooler). */
  statementTimeoutMs: number;
}

const START_SCRIPT = fileURLToPath(new URL('../../../../deploy/pgbouncer/start.sh', import.meta.url));

/**
 * Starts PgBouncer in transaction pooling mode in front of the test database, on a free loopback port, with the
 * script docker-compose.yml runs (deploy/pgbouncer/start.sh): SCRAM authentication from an auth_file holding
 * the given role's password (PgBouncer then logs in to PostgreSQL with it); as root it drops to `nobody`.
 * Fails with a clear message when PgBouncer is not installed: the tests that need it must not skip silently.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = CANDIDATES.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!binary) {
    throw new Error('PgBouncer is not installed: this test runs the API through it. Install Debian\'s package (apt-get install -y pgbouncer); CI does (.ci/run).');
  }
  const target = new URL(options.target);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const port = await freePort();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-pgbouncer-'));
  const child = spawn('/bin/sh', [START_SCRIPT], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: `${process.env.PATH ?? ''}:${path.dirname(binary)}`,
      POSTGRES_HOST: target.hostname,
      POSTGRES_PORT: target.port || '5432',
      POSTGRES_DB: database,
      APP_ROLE: options.user,
      DATABASE_APP_PASSWORD: options.password,
      STATEMENT_TIMEOUT_MS: String(options.statementTimeoutMs),
      DEFAULT_POOL_SIZE: String(options.poolSize),
      MAX_CLIENT_CONN: '500',
      LISTEN_ADDR: '127.0.0.1',
      LISTEN_PORT: String(port),
      CONFIG_DIR: folder,
    },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString('utf8');
  });
  const stop = async (): Promise<void> => {
    await stopChild(child); // immediate shutdown: the tests have closed their connections
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await listening(port, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgres://127.0.0.1:${String(port)}/${database}`;
  return {
    url,
    poolSize: options.poolSize,
    pools: async () => {
      const console = new pg.Client({ host: '127.0.0.1', port, database: 'pgbouncer', user: options.user, password: options.password });
      await console.connect();
      try {
        const pools = (await console.query<{ database: string; cl_active: string; cl_waiting: string; sv_active: string; sv_idle: string; sv_used: string; sv_tested: string; sv_login: string }>('SHOW POOLS')).rows.filter(
          (row) => row.database === database,
        );
        const stats = (await console.query<{ database: string; total_xact_count: string }>('SHOW STATS')).rows.filter((row) => row.database === database);
        const sum = (values: string[]) => values.reduce((total, value) => total + Number(value), 0);
        return {
          clients: sum(pools.flatMap((row) => [row.cl_active, row.cl_waiting])),
          servers: sum(pools.flatMap((row) => [row.sv_active, row.sv_idle, row.sv_used, row.sv_tested, row.sv_login])),
          transactions: sum(stats.map((row) => row.total_xact_count)),
        };
      } finally {
        await console.end();
      }
    },
    stop,
  };
}

/** Resolves once the port accepts connections; rejects when PgBouncer exits or after 10 s. */
async function listening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited with ${String(child.exitCode)}:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => {
        resolve(false);
      });
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`PgBouncer did not listen on ${String(port)} within 10 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
