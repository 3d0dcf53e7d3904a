import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';
import type { ReferralStatus } from './referral-state-machine.js';

/** What the partner sees: built once when the referral is sent, from what the counsellor chose to share. */
export interface ReferralPacket {
  region: { slug: string; name: string };
  partner: { id: string; name: string };
  offer: { id: string; name: string } | null;
  learner: { firstName: string; lastName: string; email: string | null; phone: string | null } | null;
  learningQuestion: string | null;
  educationLevel: string | null;
  dutchLevel: string | null;
  preferredStart: string | null;
  counsellor: { name: string; email: string };
  consentWithdrawn?: true;
  anonymised?: true;
}

export interface ExchangeRow {
  id: string;
  regionId: string;
  partnerId: string;
  offerId: string | null;
  status: ReferralStatus;
  packet: ReferralPacket;
  startDate: string | null;
  declineReason: string | null;
  declinedBy: 'provider' | 'learner' | null;
  respondBy: Date;
  sentAt: Date;
  updatedAt: Date;
  version: number;
}

export interface RegionReferralRow extends ExchangeRow {
  caseId: string;
  consentId: string;
  shared: Record<string, unknown>;
  createdBy: string;
}

export interface ReferralEventRow {
  id: string;
  from: string | null;
  to: string;
  reason: string | null;
  note: string | null;
  startDate: string | null;
  actorKind: 'region' | 'partner' | 'system';
  at: Date;
}

const EXCHANGE = `x.id, x.region_id AS "regionId", x.partner_id AS "partnerId", x.offer_id AS "offerId", x.status, x.packet, to_char(x.start_date, 'YYYY-MM-DD') AS "startDate",
  x.decline_reason AS "declineReason", x.declined_by AS "declinedBy", x.respond_by AS "respondBy", x.sent_at AS "sentAt", x.updated_at AS "updatedAt", x.version`;
const REGION = `${EXCHANGE}, r.case_id AS "caseId", r.consent_id AS "consentId", r.shared, r.created_by AS "createdBy"`;

/**
 * Referrals: the region's private row (region schema) and the shared row and events (exchange schema, row-level
 * security). Region methods run in a region unit of work, partner methods in a partner unit of work.
 */
@Injectable()
export class ReferralsRepository {
  async create(
    manager: EntityManager,
    referral: { id: string; caseId: string; consentId: string; partnerId: string; offerId: string | null; shared: object; createdBy: string },
    exchange: { regionId: string; packet: ReferralPacket; respondBy: Date },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO referral (id, case_id, consent_id, partner_id, offer_id, shared, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [referral.id, referral.caseId, referral.consentId, referral.partnerId, referral.offerId, JSON.stringify(referral.shared), referral.createdBy],
    );
    await manager.query(
      'INSERT INTO exchange.referral (id, region_id, partner_id, offer_id, packet, respond_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [referral.id, exchange.regionId, referral.partnerId, referral.offerId, JSON.stringify(exchange.packet), exchange.respondBy],
    );
    await this.recordEvent(manager, referral.id, null, 'sent', { actorKind: 'region', actorId: referral.createdBy });
  }

  async findForRegion(manager: EntityManager, id: string, lock = false): Promise<RegionReferralRow | null> {
    const rows = await manager.query<RegionReferralRow[]>(
      `SELECT ${REGION} FROM referral r JOIN exchange.referral x ON x.id = r.id WHERE r.id = $1 ${lock ? 'FOR UPDATE OF x' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The case's referrals, newest first; keyset after (sentAt, id). */
  async listForCase(manager: EntityManager, caseId: string, limit: number, after?: { t: string; id: string }): Promise<(RegionReferralRow & { sortKey: string })[]> {
    return manager.query<(RegionReferralRow & { sortKey: string })[]>(
      `SELECT ${REGION}, ${exactInstant('x.sent_at')} AS "sortKey" FROM referral r JOIN exchange.referral x ON x.id = r.id
        WHERE r.case_id = $1 AND ($3::timestamptz IS NULL OR (x.sent_at, x.id) < ($3::timestamptz, $4::uuid))
        ORDER BY x.sent_at DESC, x.id DESC LIMIT $2`,
      [caseId, limit, after?.t ?? null, after?.id ?? null],
    );
  }

  /** The region's referrals, newest first; `overdue`: unanswered past the answer date. Keyset after (sentAt, id). */
  async listForRegion(manager: EntityManager, filters: { status?: string; overdue?: boolean }, limit: number, after?: { t: string; id: string }): Promise<(RegionReferralRow & { sortKey: string })[]> {
    return manager.query<(RegionReferralRow & { sortKey: string })[]>(
      `SELECT ${REGION}, ${exactInstant('x.sent_at')} AS "sortKey" FROM referral r JOIN exchange.referral x ON x.id = r.id
        WHERE ($1::text IS NULL OR x.status = $1)
          AND (NOT $2::boolean OR (x.status IN ('sent', 'received') AND x.respond_by < now()))
          AND ($3::timestamptz IS NULL OR (x.sent_at, x.id) < ($3::timestamptz, $4::uuid))
        ORDER BY x.sent_at DESC, x.id DESC LIMIT $5`,
      [filters.status ?? null, filters.overdue ?? false, after?.t ?? null, after?.id ?? null, limit],
    );
  }

  async findForPartner(manager: EntityManager, id: string, lock = false): Promise<ExchangeRow | null> {
    const rows = await manager.query<ExchangeRow[]>(`SELECT ${EXCHANGE} FROM exchange.referral x WHERE x.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The partner's referrals (row-level security keeps it to its own), by last change; keyset after (updatedAt, id). */
  async listForPartner(manager: EntityManager, filters: { status?: string; updatedSince?: string }, limit: number, after?: { t: string; id: string }): Promise<(ExchangeRow & { sortKey: string })[]> {
    return manager.query<(ExchangeRow & { sortKey: string })[]>(
      `SELECT ${EXCHANGE}, ${exactInstant('x.updated_at')} AS "sortKey" FROM exchange.referral x
        WHERE ($1::text IS NULL OR x.status = $1)
          AND ($2::timestamptz IS NULL OR x.updated_at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR (x.updated_at, x.id) > ($3::timestamptz, $4::uuid))
        ORDER BY x.updated_at, x.id LIMIT $5`,
      [filters.status ?? null, filters.updatedSince ?? null, after?.t ?? null, after?.id ?? null, limit],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    to: ReferralStatus,
    details: { startDate?: string | null; declineReason?: string | null; declinedBy?: 'provider' | 'learner' | null },
  ): Promise<{ version: number; updatedAt: Date }> {
    const [[row]] = await manager.query<[[{ version: number; updatedAt: Date }], number]>(
      `UPDATE exchange.referral SET status = $2,
              start_date = coalesce($3::date, start_date),
              decline_reason = CASE WHEN $2 = 'declined' THEN $4 ELSE decline_reason END,
              declined_by = CASE WHEN $2 = 'declined' THEN $5 ELSE declined_by END,
              updated_at = clock_timestamp(), version = version + 1
        WHERE id = $1 RETURNING version, updated_at AS "updatedAt"`,
      [id, to, details.startDate ?? null, details.declineReason ?? null, details.declinedBy ?? null],
    );
    return row;
  }

  /** Unanswered referrals past their answer date become expired; answers them as they were before and after. */
  async expireDue(manager: EntityManager, now: Date): Promise<{ before: ExchangeRow; after: { version: number; updatedAt: Date } }[]> {
    const due = await manager.query<ExchangeRow[]>(
      `SELECT ${EXCHANGE} FROM exchange.referral x WHERE x.status IN ('sent', 'received') AND x.respond_by < $1 FOR UPDATE`,
      [now],
    );
    const expired = [];
    for (const before of due) expired.push({ before, after: await this.setStatus(manager, before.id, 'expired', {}) });
    return expired;
  }

  /**
   * After the learner withdrew the consent a referral was sent under: the packet keeps only who sent it to whom
   * (no personal data any more). Answers the referrals concerned.
   */
  async redactForConsent(manager: EntityManager, consentId: string): Promise<string[]> {
    return this.redact(manager, 'r.consent_id = $1', consentId, 'consentWithdrawn');
  }

  /** After retention: the packets and the notes of every referral of the learner lose all personal data. */
  async redactForLearner(manager: EntityManager, learnerId: string): Promise<string[]> {
    const ids = await this.redact(manager, 'r.case_id IN (SELECT id FROM guidance_case WHERE learner_id = $1)', learnerId, 'anonymised');
    await manager.query('UPDATE exchange.referral_event SET note = NULL WHERE referral_id = ANY ($1::uuid[]) AND note IS NOT NULL', [ids]);
    return ids;
  }

  private async redact(manager: EntityManager, which: string, value: string, flag: 'consentWithdrawn' | 'anonymised'): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE exchange.referral x SET packet = jsonb_build_object('region', x.packet->'region', 'partner', x.packet->'partner', 'offer', x.packet->'offer',
              'learner', null, 'learningQuestion', null, 'educationLevel', null, 'dutchLevel', null, 'preferredStart', null,
              'counsellor', x.packet->'counsellor', '${flag}', true),
              updated_at = clock_timestamp(), version = x.version + 1
         FROM referral r WHERE r.id = x.id AND ${which} RETURNING x.id`,
      [value],
    );
    return rows.map((row) => row.id);
  }

  async recordEvent(
    manager: EntityManager,
    referralId: string,
    from: ReferralStatus | null,
    to: ReferralStatus,
    event: { actorKind: 'region' | 'partner' | 'system'; actorId: string | null; reason?: string | null; note?: string | null; startDate?: string | null },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO exchange.referral_event (referral_id, from_status, to_status, reason, note, start_date, actor_kind, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [referralId, from, to, event.reason ?? null, event.note ?? null, event.startDate ?? null, event.actorKind, event.actorId],
    );
  }

  async events(manager: EntityManager, referralId: string): Promise<ReferralEventRow[]> {
    return manager.query<ReferralEventRow[]>(
      `SELECT e.id::text AS id, e.from_status AS "from", e.to_status AS "to", e.reason, e.note, to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
              e.actor_kind AS "actorKind", e.at
         FROM exchange.referral_event e WHERE e.referral_id = $1 ORDER BY e.id`,
      [referralId],
    );
  }
}
