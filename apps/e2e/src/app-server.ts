import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { API_START, ARTIFACTS_DIR, REPO_ROOT } from './repo-paths.js';

/** A free TCP port on loopback (asked from the OS, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * Settings of the application that the environment of the test runner must not leak into it: the server is
 * started as `pnpm start` starts it (development defaults, embedded PostgreSQL, demo data, the built SPA), not as
 * Vitest's NODE_ENV=test or a DATABASE_URL meant for the API's integration tests would make it.
 */
const NOT_INHERITED = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_APP_PASSWORD',
  'DATABASE_ROLE_PREFIX',
  'EMBEDDED_POSTGRES_PORT',
  'EMBEDDED_POSTGRES_DIR',
  'SERVE_WEB',
  'WEB_DIST_DIR',
  'SEED_DEMO_DATA',
  'JOBS_ENABLED',
  'COOKIE_SECURE',
  'PUBLIC_URL',
  'LOG_LEVEL',
];

export interface RunningApp {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** SIGTERM, wait for the server (and its PostgreSQL) to exit, remove the data folder. Safe to call twice. */
  stop: () => Promise<void>;
}

/** How long start-up (cluster creation, migrations, demo data) may take before we give up. */
const START_TIMEOUT_MS = 180_000;
/** How long a clean stop may take before the process group is killed. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts the built application as `pnpm start` serves it: `node apps/api/dist/cli/start.js` with a free port, an
 * embedded PostgreSQL on another free port in a fresh temporary folder (migrated and seeded with the demo data),
 * and the built SPA on the same port. Resolves once `GET /api/health` answers 200.
 */
export async function startApp(log: (line: string) => void = console.log): Promise<RunningApp> {
  const [port, postgresPort] = [await freePort(), await freePort()];
  // mkdtemp makes a 0700 folder; as root the embedded PostgreSQL runs as the `postgres` user, which must enter it.
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'leerwinkel-e2e-'));
  chmodSync(dataRoot, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.includes(name))),
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    EMBEDDED_POSTGRES_DIR: path.join(dataRoot, 'postgres'),
    LOG_LEVEL: 'warn',
  };

  const started = performance.now();
  // Its own process group, so a stop that hangs can take PostgreSQL down with it.
  const child = spawn(process.execPath, [API_START], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  // If the runner itself exits without teardown (a crash, Ctrl-C), the server must not outlive it.
  const killOnExit = (): void => {
    killGroup(child, 'SIGTERM');
  };
  process.once('exit', killOnExit);

  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      // As Ctrl-C on `pnpm start`: the server closes, then stops its PostgreSQL (fast shutdown) and exits.
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    saveLog(output);
    rmSync(dataRoot, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, exited, () => output.join(''));
  } catch (error) {
    await stop();
    throw error;
  }
  log(
    `e2e: application ready at ${baseUrl} in ${((performance.now() - started) / 1000).toFixed(1)} s (PostgreSQL on port ${postgresPort})`,
  );
  return { baseUrl, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`The application exited during start-up (code ${String(exitCode)}):\n${tail(output())}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `GET ${baseUrl}/api/health did not answer 200 within ${START_TIMEOUT_MS / 1000} s:\n${tail(output())}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-40).join('\n');
}

function saveLog(output: readonly string[]): void {
  try {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(path.join(ARTIFACTS_DIR, 'server.log'), output.join(''));
  } catch {
    // The log is a convenience; never fail a stop over it.
  }
}
