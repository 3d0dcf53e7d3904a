import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of partner POSTs: the first answer is kept (24 h) and replayed for the same key and body. */
export class CreateIdempotency1764921600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform.idempotency_key (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
    await runner.query('CREATE INDEX idempotency_key_created_idx ON platform.idempotency_key (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.idempotency_key');
  }
}
