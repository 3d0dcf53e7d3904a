import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection in each region: retention periods per case kind, anonymisation marks, restriction of
 * processing, the history of corrections (rectification), erasure requests (the four-eyes erasure) and the
 * health barrier as a separate, encrypted field.
 */
export class CreateDataProtection1765180800000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE region_settings
        ADD COLUMN retention_info_months integer NOT NULL DEFAULT 12 CHECK (retention_info_months BETWEEN 1 AND 240),
        ADD COLUMN retention_guidance_months integer NOT NULL DEFAULT 60 CHECK (retention_guidance_months BETWEEN 1 AND 240)`);
    await runner.query(`
      ALTER TABLE learner
        ADD COLUMN anonymised_at timestamptz,
        ADD COLUMN restricted_at timestamptz,
        ADD COLUMN restricted_by uuid,
        ADD COLUMN restriction_reason text CHECK (length(restriction_reason) BETWEEN 1 AND 500),
        ADD CHECK ((restricted_at IS NULL) = (restriction_reason IS NULL))`);
    await runner.query('ALTER TABLE guidance_case ADD COLUMN anonymised_at timestamptz, ADD COLUMN health_barrier bytea');
    await runner.query("CREATE INDEX case_retention_idx ON guidance_case (closed_at) WHERE status = 'closed' AND anonymised_at IS NULL");
    await runner.query(`
      CREATE TABLE learner_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        field text NOT NULL,
        old_value text,
        new_value text,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX learner_history_learner_idx ON learner_history (learner_id, id)');
    // Corrections are never rewritten; only retention and erasure remove them (with the learner's data).
    await runner.query(`DO $$ BEGIN
      EXECUTE format('REVOKE UPDATE, TRUNCATE ON learner_history FROM %I', current_setting('leerwinkel.region_role'));
    END $$`);
    await runner.query(`
      CREATE TABLE erasure_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid REFERENCES learner (id) ON DELETE SET NULL,
        pseudonym uuid NOT NULL DEFAULT gen_random_uuid(),
        ground text NOT NULL,
        note text CHECK (length(note) <= 1000),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'erased', 'cancelled')),
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        CHECK (decided_by IS NULL OR status <> 'erased' OR decided_by <> requested_by)
      )`);
    await runner.query("CREATE UNIQUE INDEX erasure_request_pending_idx ON erasure_request (learner_id) WHERE status = 'pending'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE erasure_request, learner_history');
    await runner.query('ALTER TABLE guidance_case DROP COLUMN anonymised_at, DROP COLUMN health_barrier');
    await runner.query('ALTER TABLE learner DROP COLUMN anonymised_at, DROP COLUMN restricted_at, DROP COLUMN restricted_by, DROP COLUMN restriction_reason');
    await runner.query('ALTER TABLE region_settings DROP COLUMN retention_info_months, DROP COLUMN retention_guidance_months');
  }
}
