import os from 'node:os';
import path from 'node:path';
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

/**
 * A path the operator typed, resolved against the folder they ran pnpm in: pnpm runs a workspace script in
 * the package's folder (apps/api) and passes the caller's folder as INIT_CWD.
 */
export function operatorPath(file: string): string {
  // eslint-disable-next-line no-restricted-syntax -- where the command was typed, set by pnpm; not configuration
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** Who runs a command, for audit events written by command-line tools: `user@host`. */
export function operator(): string {
  return `${os.userInfo().username}@${os.hostname()}`;
}

export function fail(error: unknown): never {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** An integer command-line flag (`--name 5` or `--name=5`) with its default and allowed range. */
export interface IntegerFlag {
  default: number;
  min: number;
  max: number;
  help: string;
}

export class UsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'UsageError';
  }
}

/**
 * Reads integer flags: every flag of `spec` gets its value or its default. Unknown flags, missing values,
 * non-integers and values out of range are all reported at once (UsageError).
 */
export function readIntegerFlags<S extends Record<string, IntegerFlag>>(argv: readonly string[], spec: S): { [K in keyof S]: number } {
  const values: Record<string, number> = Object.fromEntries(Object.entries(spec).map(([name, flag]) => [name, flag.default]));
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    const flag = name === undefined ? undefined : spec[name];
    if (!match || name === undefined || !flag) {
      problems.push(`unknown argument: ${arg}`);
      continue;
    }
    const raw = match[2] ?? argv[++i];
    if (raw === undefined || raw.startsWith('--')) {
      problems.push(`--${name} needs a value (${flag.help})`);
      if (raw !== undefined) i--;
      continue;
    }
    const value = /^-?\d+$/.test(raw.replaceAll('_', '')) ? Number(raw.replaceAll('_', '')) : Number.NaN;
    if (!Number.isSafeInteger(value)) problems.push(`--${name} must be a whole number, got "${raw}"`);
    else if (value < flag.min || value > flag.max) problems.push(`--${name} must be between ${flag.min} and ${flag.max}, got ${value}`);
    else values[name] = value;
  }
  if (problems.length > 0) throw new UsageError(problems);
  return values as { [K in keyof S]: number };
}

/** One line per flag, for a usage message. */
export function describeFlags(spec: Record<string, IntegerFlag>): string[] {
  return Object.entries(spec).map(([name, flag]) => `  --${name} <${flag.min}–${flag.max}>  ${flag.help} (default ${flag.default})`);
}

/** The flags of a command, or the usage message and exit code 2 when they are wrong. */
export function integerFlagsOrExit<S extends Record<string, IntegerFlag>>(command: string, spec: S): { [K in keyof S]: number } {
  try {
    return readIntegerFlags(process.argv.slice(2), spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(error.message);
    log(`Usage: ${command} [flags]`);
    for (const line of describeFlags(spec)) log(line);
    process.exit(2);
  }
}
