import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound referrals (aanmeldingen) from partners to a region, in the exchange area: the partner writes, the
 * region reads and accepts (row-level security for both, policies in platform-setup.ts).
 */
export class CreateRegistrations1764835200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exchange.registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES platform.region (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES platform.partner (id),
        payload jsonb NOT NULL,
        consent_reference text NOT NULL CHECK (length(consent_reference) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted')),
        learner_id uuid,
        case_id uuid,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX exchange_registration_region_idx ON exchange.registration (region_id, status, created_at)');
    await runner.query('ALTER TABLE exchange.registration ENABLE ROW LEVEL SECURITY');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE exchange.registration');
  }
}
