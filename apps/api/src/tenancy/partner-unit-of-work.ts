import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { finishUnitOfWork } from './idempotent-commit.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { databaseIdentity } from '../database/data-sources.js';

/**
 * The only way partner requests touch data: one transaction as the partner role, which can use nothing but
 * the exchange area, where row-level security shows it only rows addressed to `leerwinkel.partner_id`.
 * Partners never read a region schema; PostgreSQL enforces it, not only this code.
 */
@Injectable()
export class PartnerUnitOfWork {
  private readonly role: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.role = databaseIdentity(config.database).roles.partner;
  }

  run<T>(partnerId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('role', $1, true), set_config('search_path', '', true), set_config('leerwinkel.partner_id', $2, true)", [
        this.role,
        partnerId,
      ]);
      const result = await work(manager);
      await finishUnitOfWork(manager);
      return result;
    });
  }
}
