import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks, in the exchange area: endpoints owned by a partner or a region, the transactional outbox of events
 * (written in the same transaction as the change), one delivery per event and subscribed endpoint, and every
 * attempt. Regions and partners see their own rows (row-level security, policies in platform-setup.ts); the
 * dispatcher role reads the outbox and records deliveries for all.
 */
export class CreateWebhooks1765008000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exchange.webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid REFERENCES platform.region (id) ON DELETE CASCADE,
        partner_id uuid REFERENCES platform.partner (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2000),
        description text CHECK (length(description) <= 200),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        secret bytea NOT NULL,
        previous_secret bytea,
        previous_secret_until timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((region_id IS NULL) <> (partner_id IS NULL))
      )`);
    await runner.query('CREATE INDEX webhook_endpoint_partner_idx ON exchange.webhook_endpoint (partner_id) WHERE partner_id IS NOT NULL');
    await runner.query('CREATE INDEX webhook_endpoint_region_idx ON exchange.webhook_endpoint (region_id) WHERE region_id IS NOT NULL');
    await runner.query(`
      CREATE TABLE exchange.webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        region_id uuid REFERENCES platform.region (id) ON DELETE CASCADE,
        partner_id uuid REFERENCES platform.partner (id) ON DELETE CASCADE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await runner.query('CREATE INDEX webhook_event_unrelayed_idx ON exchange.webhook_event (created_at) WHERE relayed_at IS NULL');
    await runner.query('CREATE INDEX webhook_event_created_idx ON exchange.webhook_event (created_at)');
    await runner.query(`
      CREATE TABLE exchange.webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES exchange.webhook_event (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES exchange.webhook_endpoint (id) ON DELETE CASCADE,
        region_id uuid,
        partner_id uuid,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        last_response_status integer,
        last_error text,
        delivered_at timestamptz,
        replay_of uuid REFERENCES exchange.webhook_delivery (id) ON DELETE SET NULL,
        queued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX webhook_delivery_endpoint_idx ON exchange.webhook_delivery (endpoint_id, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX webhook_delivery_unqueued_idx ON exchange.webhook_delivery (created_at) WHERE queued_at IS NULL');
    await runner.query('CREATE INDEX webhook_delivery_event_idx ON exchange.webhook_delivery (event_id)');
    await runner.query(`
      CREATE TABLE exchange.webhook_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES exchange.webhook_delivery (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        response_status integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await runner.query('CREATE INDEX webhook_attempt_delivery_idx ON exchange.webhook_attempt (delivery_id, id)');
    for (const table of ['webhook_endpoint', 'webhook_event', 'webhook_delivery', 'webhook_attempt']) {
      await runner.query(`ALTER TABLE exchange.${table} ENABLE ROW LEVEL SECURITY`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE exchange.webhook_attempt, exchange.webhook_delivery, exchange.webhook_event, exchange.webhook_endpoint');
  }
}
