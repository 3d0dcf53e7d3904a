import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys get a third state, `committed`: the request's changes committed (marked in the same
 * transaction), its answer is not stored yet. Such a key is never freed, so a retry cannot do the work twice.
 */
export class IdempotencyCommitted1765440000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE platform.idempotency_key DROP CONSTRAINT idempotency_key_state_check');
    await runner.query(
      "ALTER TABLE platform.idempotency_key ADD CONSTRAINT idempotency_key_state_check CHECK (state IN ('pending', 'committed', 'done'))",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM platform.idempotency_key WHERE state = 'committed'");
    await runner.query('ALTER TABLE platform.idempotency_key DROP CONSTRAINT idempotency_key_state_check');
    await runner.query(
      "ALTER TABLE platform.idempotency_key ADD CONSTRAINT idempotency_key_state_check CHECK (state IN ('pending', 'done'))",
    );
  }
}
