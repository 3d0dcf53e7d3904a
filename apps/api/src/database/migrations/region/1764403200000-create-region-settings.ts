import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-region settings (one row). Runs inside the region's schema: names stay unqualified. */
export class CreateRegionSettings1764403200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE region_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        contact_email text CHECK (contact_email IS NULL OR length(contact_email) <= 254),
        contact_phone text CHECK (contact_phone IS NULL OR length(contact_phone) <= 40),
        referral_expiry_days integer NOT NULL DEFAULT 14 CHECK (referral_expiry_days BETWEEN 1 AND 90),
        insz_enabled boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('INSERT INTO region_settings DEFAULT VALUES');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE region_settings');
  }
}
