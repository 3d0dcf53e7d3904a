import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (apps/api/src/config → ../../../..), also right for the built dist/config. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const DEV_APP_PASSWORD = 'leerwinkel-dev-only-app-password';
const DEV_JWT_SECRET = 'leerwinkel-dev-only-jwt-secret-do-not-use-in-production';
const DEV_FIELD_KEY = createHash('sha256').update('leerwinkel-dev-only-field-key').digest();

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Owner/migrator connection: runs migrations and provisions regions (needs CREATEROLE). */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /**
     * Where the runtime pool connects when a connection pooler (PgBouncer, transaction mode) sits in front of
     * PostgreSQL, e.g. postgres://pgbouncer:6432/leerwinkel. User and password default to the runtime role and
     * DATABASE_APP_PASSWORD. The job queue and its LISTEN connection still connect directly (DATABASE_URL's
     * server, as the runtime role). See docs/scaling.md.
     */
    DATABASE_APP_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Password of the runtime login role `<prefix>_app` (created and kept in step by db:migrate). */
    DATABASE_APP_PASSWORD: z.string().min(16).optional(),
    /** Prefix of every role the platform creates (roles are cluster-wide); defaults to the database name. */
    DATABASE_ROLE_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,19}$/, 'lower-case letters, digits and _; at most 20 characters')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    /**
     * How long a query on the request pool waits for any answer before its connection is dropped (503): a frozen
     * or partitioned server never enforces its own statement timeout. Default: the statement timeout + 5 s, so
     * that a live server's statement timeout always answers first.
     */
    DATABASE_QUERY_DEADLINE_MS: z.coerce.number().int().min(200).optional(),
    MIGRATION_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    EMBEDDED_POSTGRES_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data', 'postgres')),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('100kb'),
    WEB_DIST_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
    SERVE_WEB: booleanString.default(true),
    SEED_DEMO_DATA: booleanString.optional(),
    /** HMAC key of access tokens (HS256); at least 32 characters. */
    JWT_SECRET: z.string().min(32).optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
    /** Secure flag of the refresh cookie; defaults to on in production. */
    COOKIE_SECURE: booleanString.optional(),
    /** Origin people use to reach the web app (links in invitations). */
    PUBLIC_URL: z.url().optional(),
    /** Requests per minute per authenticated principal (user or partner client). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /**
     * Requests per minute per IP address without a signed-in principal (refresh, sign-in, the region list). Shared
     * by everyone behind one address (an office's NAT), so kept apart from the per-principal limit.
     */
    ANONYMOUS_RATE_LIMIT_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).default(1200),
    LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    /** Key for fields encrypted at rest (INSZ): 32 bytes, base64. */
    FIELD_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
    /** Run the job queue (scheduled jobs) in this process; off in tests unless a test turns it on. */
    JOBS_ENABLED: booleanString.optional(),
    /**
     * Hosts a webhook may use although they are not public https endpoints (plain http, private or loopback
     * addresses), comma-separated. Default outside production: localhost, 127.0.0.1 and ::1; in production none.
     */
    WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
    /** Retries of a failed webhook delivery (exponential backoff) before it is dead-lettered. */
    WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0).max(30).default(12),
    /** Base delay of the webhook backoff: retry n waits about delay × 2^(n-1) to delay × 2^n seconds. */
    WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Small-cell threshold of central indicators: counts from 1 to k−1 are suppressed. */
    INDICATOR_SUPPRESSION_K: z.coerce.number().int().min(2).max(100).default(5),
    /** Built central indicator answers kept per process, keyed by the facts' version (0: none). */
    INDICATOR_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1000).default(16),
    /** Express "trust proxy": set when a reverse proxy sets X-Forwarded-For (e.g. 1, or loopback). */
    TRUST_PROXY: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_QUERY_DEADLINE_MS !== undefined && env.DATABASE_QUERY_DEADLINE_MS <= env.DATABASE_STATEMENT_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_QUERY_DEADLINE_MS'],
        message: `must be longer than DATABASE_STATEMENT_TIMEOUT_MS (${String(env.DATABASE_STATEMENT_TIMEOUT_MS)}), or a slow query loses its connection instead of getting the server's clean timeout`,
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
    }
    if (!env.DATABASE_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_APP_PASSWORD'], message: 'is required in production' });
    }
    if (!env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (!env.FIELD_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['FIELD_ENCRYPTION_KEY'], message: 'is required in production' });
    }
    // The development defaults are in this repository: copying one into production is no secret at all.
    const published = { DATABASE_APP_PASSWORD: env.DATABASE_APP_PASSWORD === DEV_APP_PASSWORD, JWT_SECRET: env.JWT_SECRET === DEV_JWT_SECRET,
      FIELD_ENCRYPTION_KEY: env.FIELD_ENCRYPTION_KEY !== undefined && Buffer.from(env.FIELD_ENCRYPTION_KEY, 'base64').equals(DEV_FIELD_KEY) };
    for (const [name, isPublished] of Object.entries(published)) {
      if (isPublished) ctx.addIssue({ code: 'custom', path: [name], message: 'is the published development value; generate a secret of your own' });
    }
    // Demo accounts and partner clients have published passwords and secrets (README).
    if (env.SEED_DEMO_DATA === true) {
      ctx.addIssue({ code: 'custom', path: ['SEED_DEMO_DATA'], message: 'must not be on in production (the demo accounts have published passwords)' });
    }
  });

export interface DatabaseSettings {
  /** Owner connection; undefined means: start the embedded PostgreSQL. */
  url: string | undefined;
  /** The runtime pool through a connection pooler; undefined: directly to `url`'s server. */
  appUrl: string | undefined;
  appPassword: string;
  rolePrefix: string | undefined;
  poolSize: number;
  statementTimeoutMs: number;
  /** A request-pool query unanswered this long drops its connection (see database/deadline-client.ts). */
  queryDeadlineMs: number;
  migrationConcurrency: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: DatabaseSettings;
  embeddedPostgres: { port: number; dataDir: string };
  bodyLimit: string;
  web: { distDir: string; serve: boolean };
  seedDemoData: boolean;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    invitationTtlHours: number;
    cookieSecure: boolean;
    publicUrl: string;
  };
  rateLimits: { perPrincipalPerMinute: number; anonymousPerIpPerMinute: number; loginPerIpPerMinute: number; loginPerAccountPerMinute: number };
  trustProxy: string | undefined;
  /** 32-byte key for fields encrypted at rest. */
  fieldEncryptionKey: Buffer;
  jobsEnabled: boolean;
  webhooks: { allowedHosts: string[]; retryLimit: number; retryDelaySeconds: number };
  indicatorSuppressionK: number;
  indicatorCacheEntries: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once. Nothing else in the app reads process.env. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: {
      url: env.DATABASE_URL,
      appUrl: env.DATABASE_APP_URL,
      appPassword: env.DATABASE_APP_PASSWORD ?? DEV_APP_PASSWORD,
      rolePrefix: env.DATABASE_ROLE_PREFIX,
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      queryDeadlineMs: env.DATABASE_QUERY_DEADLINE_MS ?? env.DATABASE_STATEMENT_TIMEOUT_MS + 5_000,
      migrationConcurrency: env.MIGRATION_CONCURRENCY,
    },
    embeddedPostgres: { port: env.EMBEDDED_POSTGRES_PORT, dataDir: env.EMBEDDED_POSTGRES_DIR },
    bodyLimit: env.BODY_LIMIT,
    web: { distDir: env.WEB_DIST_DIR, serve: env.SERVE_WEB },
    seedDemoData: env.SEED_DEMO_DATA ?? env.NODE_ENV !== 'production',
    auth: {
      jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlHours: env.INVITATION_TTL_HOURS,
      cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    },
    rateLimits: {
      perPrincipalPerMinute: env.RATE_LIMIT_PER_MINUTE,
      anonymousPerIpPerMinute: env.ANONYMOUS_RATE_LIMIT_PER_MINUTE_PER_IP,
      loginPerIpPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE_PER_IP,
      loginPerAccountPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE_PER_ACCOUNT,
    },
    trustProxy: env.TRUST_PROXY,
    jobsEnabled: env.JOBS_ENABLED ?? env.NODE_ENV !== 'test',
    webhooks: {
      allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? (env.NODE_ENV === 'production' ? '' : 'localhost,127.0.0.1,::1'))
        .split(',')
        .map((host) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
        .filter(Boolean),
      retryLimit: env.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
    },
    indicatorSuppressionK: env.INDICATOR_SUPPRESSION_K,
    indicatorCacheEntries: env.INDICATOR_CACHE_ENTRIES,
    fieldEncryptionKey: env.FIELD_ENCRYPTION_KEY
      ? Buffer.from(env.FIELD_ENCRYPTION_KEY, 'base64')
      : DEV_FIELD_KEY,
  };
}

/** The same configuration with the database URL filled in (after the embedded server started). */
export function withDatabaseUrl(config: AppConfig, url: string): AppConfig {
  return { ...config, database: { ...config.database, url } };
}
