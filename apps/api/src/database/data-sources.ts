import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { DatabaseSettings } from '../config/config.js';
import { deadlineClient } from './deadline-client.js';
import { defaultRolePrefix, platformRoles, type PlatformRoles } from '../tenancy/region-naming.js';

/** The two connections of the platform: `owner` (DDL, provisioning, small pool) and `app` (all requests). */
export interface DatabaseIdentity {
  ownerUrl: string;
  /** The runtime role, directly to the server: the job queue and its LISTEN connection. */
  appUrl: string;
  /** The runtime role for the request pool: through the pooler when DATABASE_APP_URL is set, else `appUrl`. */
  poolUrl: string;
  /** The request pool goes through a transaction-mode pooler (PgBouncer). */
  pooled: boolean;
  rolePrefix: string;
  roles: PlatformRoles;
}

export function databaseIdentity(settings: DatabaseSettings): DatabaseIdentity {
  if (!settings.url) throw new Error('DATABASE_URL is not set (and no embedded PostgreSQL was started)');
  const owner = new URL(settings.url);
  const database = decodeURIComponent(owner.pathname.replace(/^\//, '')) || 'postgres';
  const rolePrefix = settings.rolePrefix ?? defaultRolePrefix(database);
  const roles = platformRoles(rolePrefix);
  const app = new URL(settings.url);
  app.username = roles.app;
  app.password = settings.appPassword;
  const pool = settings.appUrl ? new URL(settings.appUrl) : app;
  if (!pool.username) {
    pool.username = roles.app;
    pool.password = settings.appPassword;
  }
  return { ownerUrl: owner.toString(), appUrl: app.toString(), poolUrl: pool.toString(), pooled: settings.appUrl !== undefined, rolePrefix, roles };
}

/**
 * `statementTimeoutMs` 0: none sent (the owner's DDL; a pooler, which refuses it as a startup parameter).
 * `extra`: more options of the pg pool.
 */
function baseOptions(
  url: string,
  poolSize: number,
  statementTimeoutMs: number,
  applicationName: string,
  extra: Record<string, unknown> = {},
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: statementTimeoutMs,
      ...extra,
    },
  };
}

/**
 * The runtime pool: logs in as `<prefix>_app`, one pool for all regions. Through a pooler (DATABASE_APP_URL),
 * the statement timeout is the pooler's to set (PgBouncer `connect_query`, see docs/scaling.md): PgBouncer
 * refuses a connection that sends it. Its queries have a deadline either way (a frozen server enforces no
 * timeout): pg-pool builds its clients with the `Client` given here.
 */
export function appConnectionOptions(settings: DatabaseSettings): PostgresDataSourceOptions {
  const identity = databaseIdentity(settings);
  return baseOptions(identity.poolUrl, settings.poolSize, identity.pooled ? 0 : settings.statementTimeoutMs, 'leerwinkel-api', {
    Client: deadlineClient(settings.queryDeadlineMs),
  });
}

/** The owner connection: migrations and provisioning only. */
export function createOwnerDataSource(settings: DatabaseSettings, poolSize = settings.migrationConcurrency + 1): DataSource {
  const identity = databaseIdentity(settings);
  return new DataSource(baseOptions(identity.ownerUrl, poolSize, 0, 'leerwinkel-owner'));
}
