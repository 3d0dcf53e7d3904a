import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregates for the indicators: per region, month, case kind, metric and category a count, never a person.
 * Each region recomputes its own rows (row-level security: only its own); the analytics role reads them and
 * nothing else (policies and grants in platform-setup.ts). `region_refresh` says how fresh each region is.
 */
export class CreateAnalytics1765094400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE analytics.indicator_fact (
        region_id uuid NOT NULL REFERENCES platform.region (id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        kind text NOT NULL,
        metric text NOT NULL,
        category text NOT NULL,
        n integer NOT NULL CHECK (n > 0),
        PRIMARY KEY (region_id, month, kind, metric, category)
      )`);
    await runner.query(`
      CREATE TABLE analytics.region_refresh (
        region_id uuid PRIMARY KEY REFERENCES platform.region (id) ON DELETE CASCADE,
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        fact_rows integer NOT NULL
      )`);
    await runner.query('ALTER TABLE analytics.indicator_fact ENABLE ROW LEVEL SECURITY');
    await runner.query('ALTER TABLE analytics.region_refresh ENABLE ROW LEVEL SECURITY');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE analytics.region_refresh, analytics.indicator_fact');
  }
}
