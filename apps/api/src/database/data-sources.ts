import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { DatabaseSettings } from '../config/config.js';
import { defaultRolePrefix, platformRoles, type PlatformRoles } from '../tenancy/region-naming.js';

/** The two connections of the platform: `owner` (DDL, provisioning, small pool) and `app` (all requests). */
export interface DatabaseIdentity {
  ownerUrl: string;
  appUrl: string;
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
  return { ownerUrl: owner.toString(), appUrl: app.toString(), rolePrefix, roles };
}

function baseOptions(url: string, poolSize: number, statementTimeoutMs: number, applicationName: string): PostgresDataSourceOptions {
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
    },
  };
}

/** The runtime pool: logs in as `<prefix>_app`, one pool for all regions. */
export function appConnectionOptions(settings: DatabaseSettings): PostgresDataSourceOptions {
  const identity = databaseIdentity(settings);
  return baseOptions(identity.appUrl, settings.poolSize, settings.statementTimeoutMs, 'leerwinkel-api');
}

/** The owner connection: migrations and provisioning only. */
export function createOwnerDataSource(settings: DatabaseSettings, poolSize = settings.migrationConcurrency + 1): DataSource {
  const identity = databaseIdentity(settings);
  return new DataSource(baseOptions(identity.ownerUrl, poolSize, 0, 'leerwinkel-owner'));
}
