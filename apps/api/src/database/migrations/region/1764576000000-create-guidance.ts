import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counsellor's daily work: learners, their consents and access log, cases (trajecten) with their
 * transitions, contacts and action items (including the 3/6/12-month follow-ups). Runs inside a region's
 * schema; user ids refer to platform.user_account (no foreign key across schemas).
 */
export class CreateGuidance1764576000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE learner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        date_of_birth date NOT NULL,
        gender text NOT NULL,
        email text CHECK (length(email) <= 254),
        phone text CHECK (length(phone) <= 40),
        postal_code text CHECK (postal_code ~ '^[0-9]{4}$'),
        municipality text CHECK (length(municipality) <= 100),
        native_language text NOT NULL,
        dutch_level text NOT NULL,
        education_level text NOT NULL,
        employment_status text NOT NULL,
        target_groups text[] NOT NULL DEFAULT '{}',
        referral_source text NOT NULL,
        insz_encrypted bytea,
        search_key text GENERATED ALWAYS AS (extensions.search_fold(first_name || ' ' || last_name)) STORED,
        search_key_reversed text GENERATED ALWAYS AS (extensions.search_fold(last_name || ' ' || first_name)) STORED,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX learner_search_trgm ON learner USING gin (search_key extensions.gin_trgm_ops)');
    await runner.query('CREATE INDEX learner_search_reversed_trgm ON learner USING gin (search_key_reversed extensions.gin_trgm_ops)');
    await runner.query('CREATE INDEX learner_birth_idx ON learner (date_of_birth)');
    await runner.query('CREATE INDEX learner_name_idx ON learner (last_name, first_name, id)');

    await runner.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        purpose text NOT NULL,
        partner_id uuid,
        text_version text NOT NULL CHECK (length(text_version) BETWEEN 1 AND 40),
        given_at timestamptz NOT NULL,
        registered_by uuid NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((purpose = 'partner_sharing') = (partner_id IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX consent_learner_idx ON consent (learner_id)');

    await runner.query(`
      CREATE TABLE learner_access (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        learner_id uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        accessed_at timestamptz NOT NULL DEFAULT now(),
        parts text[] NOT NULL
      )`);
    await runner.query('CREATE INDEX learner_access_learner_idx ON learner_access (learner_id, id DESC)');
    // The access log is append-only for the region's own role.
    await runner.query(`DO $$ BEGIN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON learner_access FROM %I', current_setting('leerwinkel.region_role'));
    END $$`);

    await runner.query(`
      CREATE TABLE guidance_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES learner (id),
        kind text NOT NULL CHECK (kind IN ('info', 'guidance')),
        status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'intake', 'guidance', 'follow_up', 'closed')),
        counsellor_id uuid NOT NULL,
        organisation_id uuid,
        learning_question text CHECK (length(learning_question) <= 4000),
        themes text[] NOT NULL DEFAULT '{}',
        barriers text[] NOT NULL DEFAULT '{}',
        goal text CHECK (length(goal) <= 4000),
        exit_reason text,
        objectives_met text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK (status <> 'closed' OR (exit_reason IS NOT NULL AND objectives_met IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX case_learner_idx ON guidance_case (learner_id)');
    await runner.query('CREATE INDEX case_counsellor_status_idx ON guidance_case (counsellor_id, status)');

    await runner.query(`
      CREATE TABLE case_transition (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES guidance_case (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        note text CHECK (length(note) <= 2000),
        by_user uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX case_transition_case_idx ON case_transition (case_id, id)');

    await runner.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES guidance_case (id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        channel text NOT NULL,
        kind text NOT NULL,
        notes text CHECK (length(notes) <= 10000),
        counsellor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX contact_case_idx ON contact (case_id, occurred_at)');

    await runner.query(`
      CREATE TABLE action_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES guidance_case (id) ON DELETE CASCADE,
        task text NOT NULL CHECK (length(task) BETWEEN 1 AND 500),
        owner text NOT NULL,
        due_date date,
        done_at timestamptz,
        follow_up_months integer CHECK (follow_up_months IN (3, 6, 12)),
        in_education boolean,
        certificate_obtained boolean,
        employed boolean,
        outcome_note text CHECK (length(outcome_note) <= 2000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX action_item_case_idx ON action_item (case_id)');
    await runner.query('CREATE INDEX action_item_due_idx ON action_item (due_date) WHERE done_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['action_item', 'contact', 'case_transition', 'guidance_case', 'learner_access', 'consent', 'learner']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
