import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Central indicator requests read the facts of many regions over a range of months: a covering index in that
 * order lets PostgreSQL answer from the index alone (measured with pnpm bench:dashboard, docs/performance.md).
 */
export class IndexIndicatorFacts1765353600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX indicator_fact_month_idx ON analytics.indicator_fact (month, region_id) INCLUDE (kind, metric, category, n)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX analytics.indicator_fact_month_idx');
  }
}
