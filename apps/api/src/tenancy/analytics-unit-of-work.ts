import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { databaseIdentity } from '../database/data-sources.js';

/**
 * The support point's unit of work: one read-only transaction as the analytics role, which can read the
 * aggregate indicator rows and the names of regions and partner types — PostgreSQL refuses it every table
 * that holds a person.
 */
@Injectable()
export class AnalyticsUnitOfWork {
  private readonly role: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.role = databaseIdentity(config.database).roles.analytics;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // Aggregating tens of thousands of fact rows: sort in memory, not on disk.
      await manager.query("SELECT set_config('work_mem', '32MB', true)");
      await manager.query("SELECT set_config('role', $1, true), set_config('search_path', '', true)", [this.role]);
      return work(manager);
    });
  }
}
