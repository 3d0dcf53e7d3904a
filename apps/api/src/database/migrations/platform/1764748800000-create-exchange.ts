import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange area between regions and partners: the referral packets a partner may see and every state
 * change. Regions and partners reach it only through row-level security (policies in platform-setup.ts):
 * a region sees its own rows, a partner the rows addressed to it. The region's private referral data (the
 * case, the consent, the choice of what to share) stays in the region's schema.
 */
export class CreateExchange1764748800000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exchange.referral (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES platform.region (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES platform.partner (id),
        offer_id uuid REFERENCES platform.offer (id),
        status text NOT NULL DEFAULT 'sent',
        packet jsonb NOT NULL,
        start_date date,
        decline_reason text,
        declined_by text CHECK (declined_by IN ('provider', 'learner')),
        respond_by timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query('CREATE INDEX exchange_referral_partner_idx ON exchange.referral (partner_id, updated_at, id)');
    await runner.query('CREATE INDEX exchange_referral_region_idx ON exchange.referral (region_id, status)');
    await runner.query(`
      CREATE TABLE exchange.referral_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES exchange.referral (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        reason text,
        note text CHECK (length(note) <= 2000),
        start_date date,
        actor_kind text NOT NULL CHECK (actor_kind IN ('region', 'partner', 'system')),
        actor_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX exchange_referral_event_referral_idx ON exchange.referral_event (referral_id, id)');
    await runner.query('ALTER TABLE exchange.referral ENABLE ROW LEVEL SECURITY');
    await runner.query('ALTER TABLE exchange.referral_event ENABLE ROW LEVEL SECURITY');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE exchange.referral_event');
    await runner.query('DROP TABLE exchange.referral');
  }
}
