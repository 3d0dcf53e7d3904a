import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import type { CentralRole, RegionRole } from '@leerwinkel/contracts';
import { PasswordHasher } from '../../src/common/auth/password-hasher.js';
import { createApp } from '../../src/app.factory.js';
import { type AppConfig, loadConfig } from '../../src/config/config.js';
import { createOwnerDataSource, type DatabaseIdentity, databaseIdentity } from '../../src/database/data-sources.js';
import type { MigrationClass } from '../../src/database/migration-runner.js';
import { type ProvisionedRegion, RegionProvisioner } from '../../src/tenancy/region-provisioner.js';
import type { RegionRef } from '../../src/tenancy/region-registry.repository.js';

/** Integration and e2e tests: the real database prepared by global-setup, and factories. */
export interface TestContext {
  config: AppConfig;
  identity: DatabaseIdentity;
  owner: DataSource;
  /** A freshly provisioned region with a unique slug (through the real provisioning path). */
  newRegion: (overrides?: { slug?: string; displayName?: string; migrations?: readonly MigrationClass[] }) => Promise<ProvisionedRegion>;
  /** A user with the given memberships / central role / partner, active with a known password. */
  newUser: (options?: NewUserOptions) => Promise<TestUser>;
  /** A partner organisation. */
  newPartner: (name?: string) => Promise<{ id: string; name: string }>;
  /** The real HTTP application (not listening; use supertest on app.getHttpServer()). */
  newApp: (options?: { poolSize?: number; extraModules?: DynamicModule['imports']; env?: Record<string, string> }) => Promise<NestExpressApplication>;
  close: () => Promise<void>;
}

export interface NewUserOptions {
  regions?: Record<string, RegionRole>;
  centralRole?: CentralRole;
  partnerId?: string;
  status?: 'active' | 'invited' | 'deactivated';
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export const TEST_PASSWORD = 'Correct-horse-battery-42';
let testPasswordHash: Promise<string> | undefined;

/**
 * Rate limits of test apps. The counters are in the database, so every app and API process of a run shares
 * them, and all test traffic comes from one address (anonymous requests count per IP) and reuses sample
 * accounts: every limit is raised for everyone. A test of a limit sets its own (env of newApp / startApiProcess).
 */
export const TEST_RATE_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '100000',
  ANONYMOUS_RATE_LIMIT_PER_MINUTE_PER_IP: '100000',
  LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: '100000',
  LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: '100000',
};

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_WEB: 'false', ...TEST_RATE_LIMITS, ...overrides });
}

export function uniqueSlug(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export function regionRef(region: ProvisionedRegion): RegionRef {
  return { id: region.id, slug: region.slug, schemaName: region.schemaName, roleName: region.roleName };
}

/**
 * `databaseUrl`: another migrated `*_test` database than global-setup's (fault tests stop their own server).
 */
export async function createTestContext(options: { databaseUrl?: string } = {}): Promise<TestContext> {
  const target: Record<string, string> = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {};
  const config = testConfig(target);
  const identity = databaseIdentity(config.database);
  const owner = createOwnerDataSource(config.database, 3);
  await owner.initialize();
  const apps: NestExpressApplication[] = [];
  return {
    config,
    identity,
    owner,
    newRegion: async (overrides = {}) => {
      const slug = overrides.slug ?? uniqueSlug();
      const provisioner = new RegionProvisioner(owner, identity.rolePrefix, identity.roles, overrides.migrations);
      return provisioner.provision(slug, overrides.displayName ?? `Test region ${slug}`);
    },
    newUser: async (options = {}) => {
      testPasswordHash ??= new PasswordHasher().hash(TEST_PASSWORD);
      const email = `${uniqueSlug('user')}@test.leerwinkel.test`;
      const [row] = await owner.query<[{ id: string }]>(
        `INSERT INTO platform.user_account (email, display_name, password_hash, status, central_role, partner_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [email, `Test ${email}`, await testPasswordHash, options.status ?? 'active', options.centralRole ?? null, options.partnerId ?? null],
      );
      for (const [slug, role] of Object.entries(options.regions ?? {})) {
        await owner.query(
          'INSERT INTO platform.region_membership (user_id, region_id, role) SELECT $1, id, $3 FROM platform.region WHERE slug = $2',
          [row.id, slug, role],
        );
      }
      return { id: row.id, email, password: TEST_PASSWORD };
    },
    newPartner: async (name) => {
      const [row] = await owner.query<[{ id: string; name: string }]>('INSERT INTO platform.partner (name) VALUES ($1) RETURNING id, name', [
        name ?? `Partner ${uniqueSlug('p')}`,
      ]);
      return row;
    },
    newApp: async (options = {}) => {
      const appConfig = testConfig({ ...target, DATABASE_POOL_SIZE: String(options.poolSize ?? 4), ...options.env });
      const app = await createApp(appConfig, { logger: pino({ level: 'silent' }), extraModules: options.extraModules });
      await app.init();
      apps.push(app);
      return app;
    },
    close: async () => {
      for (const app of apps) await app.close();
      await owner.destroy();
    },
  };
}

/**
 * Rate-limit windows are whole minutes of the database clock: a test that counts hits waits, when needed, until
 * the current minute has at least 10 seconds left.
 */
export async function insideOneMinute(owner: DataSource): Promise<void> {
  const [{ second }] = await owner.query<[{ second: number }]>('SELECT extract(second FROM now())::float8 AS second');
  if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

/** Signs in over HTTP (an in-process app or a running API's URL); answers the bearer header value and the refresh cookie. */
export async function signIn(app: NestExpressApplication | string, user: { email: string; password: string }): Promise<{ authorization: string; cookie: string }> {
  const response = await request(typeof app === 'string' ? app : app.getHttpServer()).post('/api/v1/auth/login').send({ email: user.email, password: user.password });
  if (response.status !== 200) throw new Error(`sign-in of ${user.email} failed: ${response.status} ${response.text}`);
  const cookie = ([response.headers['set-cookie']].flat().find((c) => c?.startsWith('lw_refresh=')) ?? '').split(';')[0] ?? '';
  return { authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}`, cookie };
}

export interface ApiProcess {
  /** http://127.0.0.1:<port> of the running API. */
  url: string;
  pid: number;
  /** Sends SIGTERM (once) and resolves with the exit code when the process has ended. */
  stop: () => Promise<number | null>;
  /** Resolves with the exit code when the process ends (for whatever reason). */
  exited: Promise<number | null>;
}

/** The real API in a child process (job queue on), against the test database; see api-process.mjs. */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(process.execPath, [fileURLToPath(new URL('./api-process.mjs', import.meta.url))], {
    env: { ...process.env, ...TEST_RATE_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`API process not ready after 30 s: ${output}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API process exited with ${String(code)}: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${String(port)}`,
    pid: child.pid ?? 0,
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
