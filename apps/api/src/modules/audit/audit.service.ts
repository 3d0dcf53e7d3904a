import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export type AuditAction =
  | 'auth.login.succeeded'
  | 'auth.login.failed'
  | 'auth.account.locked'
  | 'auth.refresh.reused'
  | 'auth.logout'
  | 'auth.password.set'
  | 'auth.client.token_issued'
  | 'auth.client.failed'
  | 'user.invited'
  | 'user.updated'
  | 'membership.changed'
  | 'partner.created'
  | 'partner.updated'
  | 'partner.client.created'
  | 'partner.client.secret_rotated'
  | 'partner.client.revoked'
  | 'region.created'
  | 'region.dumped'
  | 'region.restored'
  | 'organisation.created'
  | 'learner.insz.revealed'
  | 'indicators.central.read'
  | 'learner.restricted'
  | 'learner.restriction_lifted'
  | 'learner.health.revealed'
  | 'learner.access_export'
  | 'learner.erasure.requested'
  | 'learner.erasure.cancelled'
  | 'learner.erased'
  | 'retention.anonymised';

export interface AuditEvent {
  action: AuditAction;
  actorUserId?: string | null;
  actorClientId?: string | null;
  targetType?: string;
  targetId?: string;
  regionId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The append-only audit trail (platform.audit_event): the API's role may INSERT and SELECT, never UPDATE or
 * DELETE. Pass the manager of a running transaction to record an event with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO platform.audit_event (action, actor_user_id, actor_client_id, target_type, target_id, region_id, ip, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.action,
        event.actorUserId ?? null,
        event.actorClientId ?? null,
        event.targetType ?? null,
        event.targetId ?? null,
        event.regionId ?? null,
        event.ip ?? null,
        event.requestId ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    );
  }
}
