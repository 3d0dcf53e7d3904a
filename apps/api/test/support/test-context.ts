import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
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
  /** The real HTTP application (not listening; use supertest on app.getHttpServer()). */
  newApp: (options?: { poolSize?: number; extraModules?: DynamicModule['imports'] }) => Promise<NestExpressApplication>;
  close: () => Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_WEB: 'false', ...overrides });
}

export function uniqueSlug(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export function regionRef(region: ProvisionedRegion): RegionRef {
  return { id: region.id, slug: region.slug, schemaName: region.schemaName, roleName: region.roleName };
}

export async function createTestContext(): Promise<TestContext> {
  const config = testConfig();
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
    newApp: async (options = {}) => {
      const appConfig = testConfig({ DATABASE_POOL_SIZE: String(options.poolSize ?? 4) });
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
