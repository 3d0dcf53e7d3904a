import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "No suitable offer" signals: a counsellor records, on a case, that the offer lacks something for a theme.
 * Counted per theme, they are the regions' signal to education providers about gaps in the offer.
 */
export class CreateOfferGaps1765094400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE offer_gap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES guidance_case (id) ON DELETE CASCADE,
        theme text NOT NULL,
        description text CHECK (length(description) <= 1000),
        signalled_by uuid NOT NULL,
        signalled_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX offer_gap_case_idx ON offer_gap (case_id, signalled_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE offer_gap');
  }
}
