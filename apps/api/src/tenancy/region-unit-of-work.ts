import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { finishUnitOfWork } from './idempotent-commit.js';
import { RegionContext } from './region-context.js';
import type { RegionRef } from './region-registry.repository.js';
import { quoteIdent } from './region-naming.js';

/**
 * The only way to touch a region's data. Each unit of work is one transaction on the shared pool whose
 * first statement switches, transaction-locally, to the region's role and search_path. COMMIT or ROLLBACK
 * ends both, so nothing leaks to the next user of the connection (and PgBouncer transaction pooling works).
 * PostgreSQL then refuses anything outside the region's schema and the read-only reference data; in the
 * shared exchange area, row-level security shows the region only its own rows (leerwinkel.region_id).
 */
@Injectable()
export class RegionUnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RegionContext,
  ) {}

  /** Runs `work` in the current request's region (set by RegionGuard). */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const region = this.context.current();
    // A programming error (a region route without RegionGuard): fail closed, answer a plain 500.
    if (!region) throw new Error('No region context: region-scoped work outside a RegionGuard-protected route');
    return this.runIn(region, work);
  }

  /** Runs `work` in an explicitly given region (jobs, operations). */
  runIn<T>(region: RegionRef, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        "SELECT set_config('role', $1, true), set_config('search_path', $2, true), set_config('leerwinkel.region_id', $3, true)",
        [region.roleName, quoteIdent(region.schemaName), region.id],
      );
      const result = await work(manager);
      await finishUnitOfWork(manager);
      return result;
    });
  }
}
