import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit trail tamper-evident: every event carries `seq` (gapless, in insertion order), the hash of
 * the event before it and its own hash, sha256(prev_hash || UTF-8 of audit_canonical(event)). The first
 * event's prev_hash is 32 zero bytes. `audit_chain_head` holds the last committed seq and hash; the BEFORE
 * INSERT trigger locks it (FOR UPDATE) until the transaction ends, so concurrent writers queue and each
 * continues from where the one before it committed. A rolled-back insert leaves neither row nor head
 * behind, so seq has no gaps. `pnpm audit:verify` recomputes the chain
 * (apps/api/src/modules/audit/audit-chain.ts). Existing events are chained in (occurred_at, id) order.
 *
 * The trigger must stay the last BEFORE INSERT trigger on audit_event (triggers fire in name order): a
 * trigger after it could change the row after it was hashed.
 */
export class ChainAudit1765267200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // No event may be written while the existing ones are chained.
    await runner.query('LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE');
    await runner.query('ALTER TABLE audit_event ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea');
    await runner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        seq bigint NOT NULL CHECK (seq >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32)
      )`);

    // The one definition of what is hashed. Every field is a quoted literal or NULL (quote_nullable doubles
    // quotes and backslashes), so no text can move from one field to the next without changing the result.
    // It depends on no setting (time zone, date style), and has no SET clause so that it can be inlined:
    // the verifier calls it for every event.
    await runner.query(`
      CREATE FUNCTION audit_canonical(e platform.audit_event) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$
          SELECT concat_ws('|',
            'audit-v1',
            'seq=' || quote_nullable(e.seq::text),
            'occurred_at=' || quote_nullable(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
            'action=' || quote_nullable(e.action),
            'actor_user_id=' || quote_nullable(e.actor_user_id::text),
            'actor_client_id=' || quote_nullable(e.actor_client_id),
            'target_type=' || quote_nullable(e.target_type),
            'target_id=' || quote_nullable(e.target_id),
            'region_id=' || quote_nullable(e.region_id::text),
            'ip=' || quote_nullable(e.ip),
            'request_id=' || quote_nullable(e.request_id),
            'details=' || quote_nullable(e.details::text))
        $$`);

    // One writer at a time: the head row stays locked until the writing transaction ends. The head itself
    // moves once per transaction, at commit (below): a row updated over and over in one transaction leaves
    // a version behind each time and makes every later read of it slower. Until then, the events this
    // transaction wrote are the ones after the head.
    await runner.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, platform, pg_temp
        AS $$
        DECLARE
          head_seq bigint;
          head_hash bytea;
          last_seq bigint;
          last_hash bytea;
        BEGIN
          SELECT h.seq, h.hash INTO STRICT head_seq, head_hash FROM platform.audit_chain_head h FOR UPDATE;
          -- (ORDER BY … DESC LIMIT 1: one step back on the seq index, whatever the table's statistics say)
          SELECT e.seq, e.hash INTO last_seq, last_hash FROM platform.audit_event e ORDER BY e.seq DESC LIMIT 1;
          IF last_seq IS NULL OR last_seq <= head_seq THEN
            last_seq := head_seq;
            last_hash := head_hash;
          END IF;
          NEW.seq := last_seq + 1;
          NEW.prev_hash := last_hash;
          NEW.hash := sha256(NEW.prev_hash || convert_to(platform.audit_canonical(NEW), 'UTF8'));
          RETURN NEW;
        END
        $$`);
    await runner.query(`
      CREATE FUNCTION audit_chain_advance_head() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, platform, pg_temp
        AS $$
        DECLARE
          last_seq bigint;
        BEGIN
          SELECT e.seq INTO last_seq FROM platform.audit_event e ORDER BY e.seq DESC LIMIT 1;
          IF last_seq = NEW.seq THEN
            UPDATE platform.audit_chain_head SET seq = NEW.seq, hash = NEW.hash;
          END IF;
          RETURN NULL;
        END
        $$`);
    await runner.query('REVOKE ALL ON FUNCTION audit_event_chain(), audit_chain_advance_head() FROM PUBLIC');

    // Chain what is there, oldest first.
    await runner.query(`
      DO $$
      DECLARE
        e platform.audit_event;
        n bigint := 0;
        h bytea := decode(repeat('00', 32), 'hex');
      BEGIN
        FOR e IN SELECT * FROM platform.audit_event ORDER BY occurred_at, id LOOP
          n := n + 1;
          e.seq := n;
          e.prev_hash := h;
          h := sha256(h || convert_to(platform.audit_canonical(e), 'UTF8'));
          UPDATE platform.audit_event SET seq = n, prev_hash = e.prev_hash, hash = h WHERE id = e.id;
        END LOOP;
        INSERT INTO platform.audit_chain_head (seq, hash) VALUES (n, h);
      END
      $$`);

    await runner.query(`
      ALTER TABLE audit_event
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT audit_event_seq_key UNIQUE (seq),
        ADD CONSTRAINT audit_event_seq_check CHECK (seq > 0),
        ADD CONSTRAINT audit_event_hash_check CHECK (length(prev_hash) = 32 AND length(hash) = 32)`);
    await runner.query('CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain()');
    // At commit, the transaction's last event becomes the head.
    await runner.query(`
      CREATE CONSTRAINT TRIGGER audit_event_chain_head AFTER INSERT ON audit_event DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION audit_chain_advance_head()`);
    await runner.query("COMMENT ON TABLE audit_chain_head IS 'Last committed seq and hash of the audit_event hash chain; written only by the chain triggers on audit_event.'");
    await runner.query("COMMENT ON FUNCTION audit_canonical(platform.audit_event) IS 'The text of an audit event that its chain hash covers (used by the trigger and by pnpm audit:verify).'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER audit_event_chain_head ON audit_event');
    await runner.query('DROP TRIGGER audit_event_chain ON audit_event');
    await runner.query('DROP FUNCTION audit_chain_advance_head()');
    await runner.query('DROP FUNCTION audit_event_chain()');
    await runner.query('DROP FUNCTION audit_canonical(platform.audit_event)');
    await runner.query('DROP TABLE audit_chain_head');
    await runner.query('ALTER TABLE audit_event DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash');
  }
}
