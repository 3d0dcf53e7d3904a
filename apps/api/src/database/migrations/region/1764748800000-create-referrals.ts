import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's private side of a referral: which case, under which consent, and what the counsellor chose to
 * share. The packet and the state live in exchange.referral (shared with the partner under row-level security).
 */
export class CreateReferrals1764748800000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES guidance_case (id),
        consent_id uuid NOT NULL REFERENCES consent (id),
        partner_id uuid NOT NULL,
        offer_id uuid,
        shared jsonb NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX referral_case_idx ON referral (case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE referral');
  }
}
