import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createOwnerDataSource, databaseIdentity } from '../database/data-sources.js';
import { RegionProvisioner } from './region-provisioner.js';

/**
 * Provisioning from the API (platform admins) needs the owner connection (CREATE ROLE / SCHEMA). It is a
 * separate pool of at most 2 connections, opened on first use, used for nothing else.
 */
@Injectable()
export class RegionProvisioning implements OnApplicationShutdown {
  private owner: Promise<DataSource> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async provisioner(): Promise<RegionProvisioner> {
    this.owner ??= createOwnerDataSource(this.config.database, 2).initialize();
    const identity = databaseIdentity(this.config.database);
    return new RegionProvisioner(await this.owner, identity.rolePrefix, identity.roles);
  }

  /** After the HTTP server drained: a region being created in flight still finishes. */
  async onApplicationShutdown(): Promise<void> {
    if (this.owner) await (await this.owner).destroy();
  }
}
