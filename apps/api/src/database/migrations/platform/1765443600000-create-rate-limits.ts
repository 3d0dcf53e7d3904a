import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API process: one row per key (principal, IP or account) and one-minute
 * window. UNLOGGED: no WAL per hit, at the price that a crash (or a failover) empties the table — which only
 * resets the current minute's counters. The primary key starts with the window, so the prune of past windows
 * is an index range.
 */
export class CreateRateLimits1765443600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE UNLOGGED TABLE platform.rate_limit_window (
        window_start timestamptz NOT NULL,
        key text NOT NULL,
        hits integer NOT NULL DEFAULT 1,
        PRIMARY KEY (window_start, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.rate_limit_window');
  }
}
