import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';

export interface RegistrationRow {
  id: string;
  partnerId: string;
  payload: { learner: Record<string, string | undefined> & { firstName: string; lastName: string; dateOfBirth: string }; learningQuestion: string | null };
  consentReference: string;
  status: 'pending' | 'accepted';
  learnerId: string | null;
  caseId: string | null;
  createdAt: Date;
}

const COLUMNS = `id, partner_id AS "partnerId", payload, consent_reference AS "consentReference", status, learner_id AS "learnerId",
  case_id AS "caseId", created_at AS "createdAt"`;

/** Registrations in the exchange area (row-level security: the partner its own, the region its own). */
@Injectable()
export class RegistrationsRepository {
  /** As the partner (partner unit of work). */
  async create(manager: EntityManager, registration: { regionId: string; partnerId: string; payload: object; consentReference: string }): Promise<RegistrationRow> {
    const [row] = await manager.query<[RegistrationRow]>(
      `INSERT INTO exchange.registration (region_id, partner_id, payload, consent_reference) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [registration.regionId, registration.partnerId, JSON.stringify(registration.payload), registration.consentReference],
    );
    return row;
  }

  /** The region's inbox, oldest first; keyset after (createdAt, id). */
  async list(manager: EntityManager, status: 'pending' | 'accepted', limit: number, after?: { t: string; id: string }): Promise<(RegistrationRow & { sortKey: string })[]> {
    return manager.query<(RegistrationRow & { sortKey: string })[]>(
      `SELECT ${COLUMNS}, ${exactInstant('created_at')} AS "sortKey" FROM exchange.registration
        WHERE status = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [status, after?.t ?? null, after?.id ?? null, limit],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<RegistrationRow | null> {
    const rows = await manager.query<RegistrationRow[]>(`SELECT ${COLUMNS} FROM exchange.registration WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async markAccepted(manager: EntityManager, id: string, learnerId: string, caseId: string): Promise<void> {
    await manager.query("UPDATE exchange.registration SET status = 'accepted', learner_id = $2, case_id = $3, accepted_at = now() WHERE id = $1", [id, learnerId, caseId]);
  }
}
