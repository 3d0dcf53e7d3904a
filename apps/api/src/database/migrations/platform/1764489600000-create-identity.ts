import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and access: users, their region memberships (optionally through a member organisation of the
 * region), central roles, partner organisations and their API clients, refresh-token families, one-time
 * invitations, and the append-only audit trail.
 */
export class CreateIdentity1764489600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE UNIQUE INDEX partner_name_key ON partner (lower(name))');

    await runner.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE UNIQUE INDEX organisation_region_name_key ON organisation (region_id, lower(name))');

    await runner.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text,
        status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'deactivated')),
        central_role text CHECK (central_role IN ('analyst', 'platform_admin')),
        partner_id uuid REFERENCES partner (id),
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (central_role IS NULL OR partner_id IS NULL)
      )`);
    await runner.query('CREATE UNIQUE INDEX user_account_email_key ON user_account (email)');

    await runner.query(`
      CREATE TABLE region_membership (
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('counsellor', 'coordinator')),
        organisation_id uuid REFERENCES organisation (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, region_id)
      )`);
    await runner.query('CREATE INDEX region_membership_region_idx ON region_membership (region_id)');

    await runner.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)');

    await runner.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES user_account (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE partner_client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL UNIQUE,
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
        secret_rotated_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);

    await runner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_user_id uuid,
        actor_client_id text,
        target_type text,
        target_id text,
        region_id uuid,
        ip text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await runner.query('CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'partner_client', 'invitation', 'refresh_token', 'region_membership', 'user_account', 'organisation', 'partner']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
