import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from '@leerwinkel/contracts';

/** The NOTIFY channel that wakes the dispatcher when an event or a replay is committed. */
export const WEBHOOK_CHANNEL = 'leerwinkel_webhooks';

/** What the receiver gets in `data`: ids and states only, never personal data (it fetches details via the API). */
export type WebhookEventData =
  | {
      type: 'referral.created' | 'referral.status_changed';
      data: {
        referral: {
          id: string;
          status: string;
          previousStatus: string | null;
          changedBy: 'region' | 'partner' | 'system';
          region: { slug: string };
          partnerId: string;
          version: number;
          updatedAt: string;
        };
      };
    }
  | { type: 'registration.accepted'; data: { registration: { id: string; region: { slug: string }; partnerId: string; acceptedAt: string } } }
  | { type: 'consent.withdrawn'; data: { consent: { region: { slug: string }; partnerId: string; withdrawnAt: string; referralIds: string[] } } }
  | { type: 'learner.erased'; data: { erasure: { region: { slug: string }; partnerId: string; erasedAt: string; referralIds: string[]; registrationIds: string[] } } };

export interface OutboxEvent {
  regionId: string | null;
  partnerId: string | null;
  event: WebhookEventData;
}

/**
 * The transactional outbox: an event is written in the same transaction as the change it reports (a region or
 * partner unit of work; row-level security lets each add events only for itself), so it exists exactly when
 * the change does. The committed NOTIFY wakes the dispatcher; a sweep every minute catches anything missed.
 */
@Injectable()
export class WebhookOutbox {
  async add(manager: EntityManager, { regionId, partnerId, event }: OutboxEvent): Promise<void> {
    const type: WebhookEventType = event.type;
    await manager.query('INSERT INTO exchange.webhook_event (type, region_id, partner_id, payload) VALUES ($1, $2, $3, $4)', [
      type,
      regionId,
      partnerId,
      JSON.stringify(event.data),
    ]);
    await manager.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, '']);
  }
}
