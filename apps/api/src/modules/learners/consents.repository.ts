import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';

export interface ConsentRow {
  id: string;
  purpose: string;
  partnerId: string | null;
  textVersion: string;
  givenAt: Date;
  registeredBy: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

const COLUMNS = `id, purpose, partner_id AS "partnerId", text_version AS "textVersion", given_at AS "givenAt",
  registered_by AS "registeredBy", withdrawn_at AS "withdrawnAt", withdrawn_by AS "withdrawnBy"`;

/** Consents per purpose (and partner), with withdrawal; in a region unit of work. */
@Injectable()
export class ConsentsRepository {
  /** The learner's consents, newest first; keyset after (givenAt, id). */
  async list(manager: EntityManager, learnerId: string, limit: number, after?: { t: string; id: string }): Promise<(ConsentRow & { sortKey: string })[]> {
    return manager.query<(ConsentRow & { sortKey: string })[]>(
      `SELECT ${COLUMNS}, ${exactInstant('given_at')} AS "sortKey" FROM consent
        WHERE learner_id = $1 AND ($3::timestamptz IS NULL OR (given_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY given_at DESC, id DESC LIMIT $2`,
      [learnerId, limit, after?.t ?? null, after?.id ?? null],
    );
  }

  async insert(manager: EntityManager, learnerId: string, consent: { purpose: string; partnerId: string | null; textVersion: string; givenAt: Date }, by: string): Promise<ConsentRow> {
    const [row] = await manager.query<[ConsentRow]>(
      `INSERT INTO consent (learner_id, purpose, partner_id, text_version, given_at, registered_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [learnerId, consent.purpose, consent.partnerId, consent.textVersion, consent.givenAt, by],
    );
    return row;
  }

  /** Withdraws an active consent; null when there is none with this id for the learner. */
  async withdraw(manager: EntityManager, learnerId: string, consentId: string, by: string): Promise<ConsentRow | null> {
    const [rows] = await manager.query<[ConsentRow[], number]>(
      `UPDATE consent SET withdrawn_at = now(), withdrawn_by = $3 WHERE id = $2 AND learner_id = $1 AND withdrawn_at IS NULL RETURNING ${COLUMNS}`,
      [learnerId, consentId, by],
    );
    return rows[0] ?? null;
  }

  /** Whether the learner has an active (not withdrawn) consent for this purpose. */
  async hasActive(manager: EntityManager, learnerId: string, purpose: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM consent WHERE learner_id = $1 AND purpose = $2 AND withdrawn_at IS NULL LIMIT 1', [learnerId, purpose]);
    return rows.length > 0;
  }

  /** The learner's active consent to share with this partner, if any. */
  async activeSharingWith(manager: EntityManager, learnerId: string, partnerId: string): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      "SELECT id FROM consent WHERE learner_id = $1 AND purpose = 'partner_sharing' AND partner_id = $2 AND withdrawn_at IS NULL ORDER BY given_at DESC LIMIT 1",
      [learnerId, partnerId],
    );
    return rows[0]?.id ?? null;
  }

  async find(manager: EntityManager, learnerId: string, consentId: string): Promise<ConsentRow | null> {
    const rows = await manager.query<ConsentRow[]>(`SELECT ${COLUMNS} FROM consent WHERE id = $2 AND learner_id = $1`, [learnerId, consentId]);
    return rows[0] ?? null;
  }
}
