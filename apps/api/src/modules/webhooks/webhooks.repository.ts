import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';
import type { WebhookDeliveryStatus, WebhookEventType } from '@leerwinkel/contracts';
import { versionedUpdate } from '../../database/versioned-update.js';
import { WEBHOOK_CHANNEL } from './webhook-outbox.js';

export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  replayOf: string | null;
  createdAt: Date;
}

export interface DeliveryDetailRow extends DeliveryRow {
  payload: object;
  eventCreatedAt: Date;
}

export interface AttemptRow {
  at: Date;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** What the dispatcher needs to send one delivery. */
export interface DeliveryTarget {
  status: WebhookDeliveryStatus;
  url: string;
  enabled: boolean;
  secret: Buffer;
  previousSecret: Buffer | null;
  previousSecretUntil: Date | null;
  eventId: string;
  eventType: WebhookEventType;
  payload: object;
  eventCreatedAt: Date;
}

const ENDPOINT = `id, url, description, event_types AS "eventTypes", enabled, created_at AS "createdAt", updated_at AS "updatedAt", version`;
const DELIVERY = `d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId", v.type AS "eventType", d.status, d.attempts,
  d.last_attempt_at AS "lastAttemptAt", d.last_response_status AS "lastResponseStatus", d.last_error AS "lastError",
  d.delivered_at AS "deliveredAt", d.replay_of AS "replayOf", d.created_at AS "createdAt"`;

/**
 * Webhook endpoints, deliveries and attempts in the exchange area. Owner methods run in the owner's unit of work
 * (a region's or a partner's: row-level security shows each only its own rows); dispatcher methods run in the
 * dispatcher's unit of work.
 */
@Injectable()
export class WebhooksRepository {
  async createEndpoint(
    manager: EntityManager,
    owner: { regionId: string | null; partnerId: string | null },
    endpoint: { url: string; description: string | null; eventTypes: string[]; secret: Buffer },
  ): Promise<EndpointRow> {
    const [row] = await manager.query<[EndpointRow]>(
      `INSERT INTO exchange.webhook_endpoint (region_id, partner_id, url, description, event_types, secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT}`,
      [owner.regionId, owner.partnerId, endpoint.url, endpoint.description, endpoint.eventTypes, endpoint.secret],
    );
    return row;
  }

  /** The owner's endpoints (row-level security), oldest first; keyset after (createdAt, id). */
  async listEndpoints(manager: EntityManager, limit: number, after?: { t: string; id: string }): Promise<(EndpointRow & { sortKey: string })[]> {
    return manager.query<(EndpointRow & { sortKey: string })[]>(
      `SELECT ${ENDPOINT}, ${exactInstant('created_at')} AS "sortKey" FROM exchange.webhook_endpoint
        WHERE ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $1`,
      [limit, after?.t ?? null, after?.id ?? null],
    );
  }

  async findEndpoint(manager: EntityManager, id: string): Promise<EndpointRow | null> {
    const rows = await manager.query<EndpointRow[]>(`SELECT ${ENDPOINT} FROM exchange.webhook_endpoint WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async updateEndpoint(
    manager: EntityManager,
    id: string,
    basedOn: number,
    changes: { url?: string; description?: string | null; eventTypes?: string[]; enabled?: boolean },
  ): Promise<boolean> {
    return versionedUpdate(manager, 'exchange.webhook_endpoint', id, basedOn, { url: 'url', description: 'description', eventTypes: 'event_types', enabled: 'enabled' }, changes);
  }

  /** The new secret signs from now on; the previous one still signs too for 24 hours. */
  async rotateSecret(manager: EntityManager, id: string, secret: Buffer): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE exchange.webhook_endpoint SET previous_secret = secret, previous_secret_until = now() + interval '24 hours', secret = $2,
              updated_at = now(), version = version + 1 WHERE id = $1 RETURNING id`,
      [id, secret],
    );
    return rows.length > 0;
  }

  async deleteEndpoint(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>('DELETE FROM exchange.webhook_endpoint WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  /** An endpoint's deliveries, newest first; keyset after (createdAt, id). */
  async listDeliveries(manager: EntityManager, endpointId: string, status: string | undefined, limit: number, after?: { t: string; id: string }): Promise<(DeliveryRow & { sortKey: string })[]> {
    return manager.query<(DeliveryRow & { sortKey: string })[]>(
      `SELECT ${DELIVERY}, ${exactInstant('d.created_at')} AS "sortKey" FROM exchange.webhook_delivery d JOIN exchange.webhook_event v ON v.id = d.event_id
        WHERE d.endpoint_id = $1 AND ($2::text IS NULL OR d.status = $2)
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [endpointId, status ?? null, after?.t ?? null, after?.id ?? null, limit],
    );
  }

  async findDelivery(manager: EntityManager, endpointId: string, id: string): Promise<DeliveryDetailRow | null> {
    const rows = await manager.query<DeliveryDetailRow[]>(
      `SELECT ${DELIVERY}, v.payload, v.created_at AS "eventCreatedAt"
         FROM exchange.webhook_delivery d JOIN exchange.webhook_event v ON v.id = d.event_id WHERE d.endpoint_id = $1 AND d.id = $2`,
      [endpointId, id],
    );
    return rows[0] ?? null;
  }

  async attempts(manager: EntityManager, deliveryId: string): Promise<AttemptRow[]> {
    return manager.query<AttemptRow[]>(
      'SELECT at, response_status AS "responseStatus", error, duration_ms AS "durationMs" FROM exchange.webhook_attempt WHERE delivery_id = $1 ORDER BY id',
      [deliveryId],
    );
  }

  /** A new delivery of the same event to the same endpoint; the dispatcher is woken when this commits. */
  async insertReplay(manager: EntityManager, of: { id: string; endpointId: string; eventId: string }, owner: { regionId: string | null; partnerId: string | null }): Promise<string> {
    const [row] = await manager.query<[{ id: string }]>(
      'INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, region_id, partner_id, replay_of) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [of.eventId, of.endpointId, owner.regionId, owner.partnerId, of.id],
    );
    await manager.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, '']);
    return row.id;
  }

  // ——— dispatcher ———

  /** New outbox events become one delivery per enabled, subscribed endpoint of the event's partner or region. */
  async fanOut(manager: EntityManager, limit: number): Promise<number> {
    const [rows] = await manager.query<[unknown[], number]>(
      `WITH due AS (
         SELECT id, type, region_id, partner_id FROM exchange.webhook_event WHERE relayed_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), deliveries AS (
         INSERT INTO exchange.webhook_delivery (event_id, endpoint_id, region_id, partner_id)
         SELECT due.id, e.id, e.region_id, e.partner_id FROM due JOIN exchange.webhook_endpoint e
             ON e.enabled AND due.type = ANY (e.event_types) AND (e.partner_id = due.partner_id OR e.region_id = due.region_id)
       )
       UPDATE exchange.webhook_event SET relayed_at = now() WHERE id IN (SELECT id FROM due) RETURNING id`,
      [limit],
    );
    return rows.length;
  }

  /** Deliveries not yet handed to the job queue, locked until the caller's transaction ends. */
  async claimUnqueued(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM exchange.webhook_delivery WHERE queued_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED',
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async markQueued(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query('UPDATE exchange.webhook_delivery SET queued_at = now() WHERE id = ANY ($1::uuid[])', [ids]);
  }

  async target(manager: EntityManager, deliveryId: string): Promise<DeliveryTarget | null> {
    const rows = await manager.query<DeliveryTarget[]>(
      `SELECT d.status, e.url, e.enabled, e.secret, e.previous_secret AS "previousSecret", e.previous_secret_until AS "previousSecretUntil",
              v.id AS "eventId", v.type AS "eventType", v.payload, v.created_at AS "eventCreatedAt"
         FROM exchange.webhook_delivery d
         JOIN exchange.webhook_endpoint e ON e.id = d.endpoint_id
         JOIN exchange.webhook_event v ON v.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  async recordAttempt(manager: EntityManager, deliveryId: string, outcome: { status: number | null; error: string | null; durationMs: number }, delivered: boolean): Promise<void> {
    await manager.query('INSERT INTO exchange.webhook_attempt (delivery_id, response_status, error, duration_ms) VALUES ($1, $2, $3, $4)', [
      deliveryId,
      outcome.status,
      outcome.error,
      outcome.durationMs,
    ]);
    await manager.query(
      `UPDATE exchange.webhook_delivery SET attempts = attempts + 1, last_attempt_at = now(), last_response_status = $2, last_error = $3,
              status = CASE WHEN $4 THEN 'delivered' ELSE status END, delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [deliveryId, outcome.status, outcome.error, delivered],
    );
  }

  async markFailed(manager: EntityManager, deliveryId: string, reason?: string): Promise<void> {
    await manager.query("UPDATE exchange.webhook_delivery SET status = 'failed', last_error = coalesce($2, last_error) WHERE id = $1 AND status = 'pending'", [
      deliveryId,
      reason ?? null,
    ]);
  }

  /** Removes events (with their deliveries and attempts) created before `before`; answers how many. */
  async prune(manager: EntityManager, before: Date): Promise<number> {
    const [rows] = await manager.query<[unknown[], number]>('DELETE FROM exchange.webhook_event WHERE created_at < $1 RETURNING id', [before]);
    return rows.length;
  }
}
