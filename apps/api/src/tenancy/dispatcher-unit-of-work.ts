import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { databaseIdentity } from '../database/data-sources.js';

/**
 * The webhook dispatcher's unit of work: one transaction as the dispatcher role, which may read the outbox
 * and endpoints of every owner and record deliveries, and nothing else: no region schema, no platform table.
 */
@Injectable()
export class DispatcherUnitOfWork {
  private readonly role: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.role = databaseIdentity(config.database).roles.webhooks;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('role', $1, true), set_config('search_path', '', true)", [this.role]);
      return work(manager);
    });
  }
}
