import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner catalogue (modelled on Open Referral HSDS: organisation → service/offer → location, schedule,
 * eligibility, cost, language). Central partners are curated by the support point; a region may add local
 * partners (owner_region_id), visible to that region only.
 */
export class CreatePartnerCatalogue1764662400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE partner
        ADD COLUMN type text NOT NULL DEFAULT 'other',
        ADD COLUMN enterprise_number text CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
        ADD COLUMN website text CHECK (website ~ '^https?://' AND length(website) <= 300),
        ADD COLUMN description text CHECK (length(description) <= 4000),
        ADD COLUMN owner_region_id uuid REFERENCES region (id) ON DELETE CASCADE,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await runner.query('CREATE UNIQUE INDEX partner_enterprise_number_key ON partner (enterprise_number) WHERE enterprise_number IS NOT NULL');

    await runner.query(`
      CREATE TABLE partner_region (
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region (id) ON DELETE CASCADE,
        PRIMARY KEY (partner_id, region_id)
      )`);
    await runner.query('CREATE INDEX partner_region_region_idx ON partner_region (region_id)');

    await runner.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 4000),
        isced_level text,
        eqf_level integer CHECK (eqf_level BETWEEN 1 AND 8),
        languages text[] NOT NULL DEFAULT '{nl}',
        locations jsonb NOT NULL DEFAULT '[]',
        start_dates date[] NOT NULL DEFAULT '{}',
        cost_eur numeric(8, 2) CHECK (cost_eur >= 0),
        cost_note text CHECK (length(cost_note) <= 500),
        eligibility text CHECK (length(eligibility) <= 2000),
        how_to_apply text CHECK (length(how_to_apply) <= 2000),
        status text NOT NULL DEFAULT 'open',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX offer_partner_idx ON offer (partner_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE offer');
    await runner.query('DROP TABLE partner_region');
    await runner.query(`ALTER TABLE partner DROP COLUMN type, DROP COLUMN enterprise_number, DROP COLUMN website,
      DROP COLUMN description, DROP COLUMN owner_region_id, DROP COLUMN version`);
  }
}
