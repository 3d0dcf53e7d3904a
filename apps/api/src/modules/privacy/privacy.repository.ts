import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';

export const ANONYMISED = 'Geanonimiseerd';

export interface UpcomingRow {
  learnerId: string;
  firstName: string;
  lastName: string;
  cases: number;
  anonymiseOn: Date;
  /** anonymiseOn to the microsecond (keyset). */
  sortKey: string;
}

export interface ErasureRequestRow {
  id: string;
  learnerId: string | null;
  pseudonym: string;
  ground: string;
  note: string | null;
  status: 'pending' | 'erased' | 'cancelled';
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** While the learner still exists. */
  learnerName: string | null;
  /** requestedAt to the microsecond (keyset). */
  sortKey: string;
}

/**
 * When a learner's data may go: every case closed and past the retention period of its kind, counted from
 * closing; a learner without cases after the info period, counted from registration.
 */
const ANONYMISE_ON = `
  CASE WHEN count(c.id) = 0 THEN l.created_at + make_interval(months => s.retention_info_months)
       WHEN bool_or(c.status <> 'closed') THEN NULL
       ELSE max(c.closed_at + make_interval(months => CASE c.kind WHEN 'info' THEN s.retention_info_months ELSE s.retention_guidance_months END)) END`;

const ERASURE = `e.id, e.learner_id AS "learnerId", e.pseudonym, e.ground, e.note, e.status, e.requested_by AS "requestedBy",
  e.requested_at AS "requestedAt", e.decided_by AS "decidedBy", e.decided_at AS "decidedAt", l.first_name || ' ' || l.last_name AS "learnerName",
  ${exactInstant('e.requested_at')} AS "sortKey"`;
const ERASURE_FROM = 'erasure_request e LEFT JOIN learner l ON l.id = e.learner_id';

/** Retention, anonymisation and erasure in a region; every method runs in that region's unit of work. */
@Injectable()
export class PrivacyRepository {
  /**
   * Learners (not yet anonymised) whose data may go on or before `until`, soonest first; keyset after
   * (anonymiseOn, learnerId).
   */
  async dueBy(manager: EntityManager, until: Date, limit: number, after?: { t: string; id: string }): Promise<UpcomingRow[]> {
    return manager.query<UpcomingRow[]>(
      `SELECT due.*, ${exactInstant('due."anonymiseOn"')} AS "sortKey" FROM (
         SELECT l.id AS "learnerId", l.first_name AS "firstName", l.last_name AS "lastName", count(c.id)::int AS cases, ${ANONYMISE_ON} AS "anonymiseOn"
           FROM learner l CROSS JOIN region_settings s LEFT JOIN guidance_case c ON c.learner_id = l.id
          WHERE l.anonymised_at IS NULL
          GROUP BY l.id, s.retention_info_months, s.retention_guidance_months
       ) due WHERE due."anonymiseOn" <= $1 AND ($3::timestamptz IS NULL OR (due."anonymiseOn", due."learnerId") > ($3::timestamptz, $4::uuid))
       ORDER BY due."anonymiseOn", due."learnerId" LIMIT $2`,
      [until, limit, after?.t ?? null, after?.id ?? null],
    );
  }

  /** The date this learner's data will be anonymised (null: a case is still open). */
  async anonymiseOn(manager: EntityManager, learnerId: string): Promise<Date | null> {
    const rows = await manager.query<{ on: Date | null }[]>(
      `SELECT ${ANONYMISE_ON} AS on FROM learner l CROSS JOIN region_settings s LEFT JOIN guidance_case c ON c.learner_id = l.id
        WHERE l.id = $1 GROUP BY l.id, s.retention_info_months, s.retention_guidance_months`,
      [learnerId],
    );
    return rows[0]?.on ?? null;
  }

  /**
   * Removes the learner's personal data irreversibly and keeps the statistical remainder: gender, birth year and
   * month, education level, target groups, referral source, case kinds, dates, themes, outcomes, contact counts,
   * referral states and follow-up answers — everything the indicators count, nothing that identifies.
   */
  async anonymise(manager: EntityManager, learnerId: string): Promise<void> {
    await manager.query(
      `UPDATE learner SET first_name = $2, last_name = $2, date_of_birth = date_trunc('month', date_of_birth)::date, email = NULL, phone = NULL,
              postal_code = NULL, municipality = NULL, native_language = 'not_collected', dutch_level = 'not_collected',
              employment_status = 'not_collected', insz_encrypted = NULL, restricted_at = NULL, restricted_by = NULL, restriction_reason = NULL,
              anonymised_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [learnerId, ANONYMISED],
    );
    await manager.query(
      `UPDATE guidance_case SET learning_question = NULL, goal = NULL, barriers = '{}', health_barrier = NULL, anonymised_at = now(),
              version = version + 1, updated_at = now() WHERE learner_id = $1`,
      [learnerId],
    );
    const cases = 'SELECT id FROM guidance_case WHERE learner_id = $1';
    await manager.query(`UPDATE case_transition SET note = NULL WHERE case_id IN (${cases}) AND note IS NOT NULL`, [learnerId]);
    await manager.query(`UPDATE contact SET notes = NULL WHERE case_id IN (${cases}) AND notes IS NOT NULL`, [learnerId]);
    await manager.query(`UPDATE action_item SET task = $2, outcome_note = NULL WHERE case_id IN (${cases})`, [learnerId, ANONYMISED]);
    await manager.query(`UPDATE offer_gap SET description = NULL WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query('DELETE FROM learner_history WHERE learner_id = $1', [learnerId]);
    await manager.query("UPDATE erasure_request SET status = 'cancelled', decided_at = now(), note = NULL WHERE learner_id = $1 AND status = 'pending'", [learnerId]);
    await manager.query(
      `UPDATE exchange.registration SET consent_reference = $2,
              payload = jsonb_build_object('learner', jsonb_build_object('firstName', $2::text, 'lastName', $2::text,
                        'dateOfBirth', to_char(date_trunc('month', (payload->'learner'->>'dateOfBirth')::date), 'YYYY-MM-DD')), 'learningQuestion', null)
        WHERE learner_id = $1`,
      [learnerId, ANONYMISED],
    );
  }

  /** Cases whose health barrier is still in the plain barriers array (data from before it was encrypted). */
  async plainHealthBarriers(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>("SELECT id FROM guidance_case WHERE 'health' = ANY (barriers)");
    return rows.map((row) => row.id);
  }

  async moveHealthBarrier(manager: EntityManager, caseId: string, encrypted: Buffer): Promise<void> {
    await manager.query("UPDATE guidance_case SET barriers = array_remove(barriers, 'health'), health_barrier = $2 WHERE id = $1", [caseId, encrypted]);
  }

  // ——— erasure ———

  async createErasure(manager: EntityManager, learnerId: string, ground: string, note: string | null, by: string): Promise<ErasureRequestRow> {
    const [row] = await manager.query<[ErasureRequestRow]>(
      'INSERT INTO erasure_request (learner_id, ground, note, requested_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [learnerId, ground, note, by],
    );
    const created = await this.findErasure(manager, row.id);
    if (!created) throw new Error('inserted erasure request not found');
    return created;
  }

  async findErasure(manager: EntityManager, id: string, lock = false): Promise<ErasureRequestRow | null> {
    const rows = await manager.query<ErasureRequestRow[]>(`SELECT ${ERASURE} FROM ${ERASURE_FROM} WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Erasure requests, newest first; keyset after (requestedAt, id). */
  async listErasures(manager: EntityManager, filters: { status?: string; learnerId?: string }, limit: number, after?: { t: string; id: string }): Promise<ErasureRequestRow[]> {
    return manager.query<ErasureRequestRow[]>(
      `SELECT ${ERASURE} FROM ${ERASURE_FROM}
        WHERE ($1::text IS NULL OR e.status = $1) AND ($5::uuid IS NULL OR e.learner_id = $5)
          AND ($3::timestamptz IS NULL OR (e.requested_at, e.id) < ($3::timestamptz, $4::uuid))
        ORDER BY e.requested_at DESC, e.id DESC LIMIT $2`,
      [filters.status ?? null, limit, after?.t ?? null, after?.id ?? null, filters.learnerId ?? null],
    );
  }

  /** Whether an erasure of this learner is waiting for confirmation. */
  async hasPendingErasure(manager: EntityManager, learnerId: string): Promise<boolean> {
    const [row] = await manager.query<[{ pending: boolean }]>(
      "SELECT EXISTS (SELECT 1 FROM erasure_request WHERE learner_id = $1 AND status = 'pending') AS pending",
      [learnerId],
    );
    return row.pending;
  }

  async decideErasure(manager: EntityManager, id: string, status: 'erased' | 'cancelled', by: string): Promise<void> {
    await manager.query(
      `UPDATE erasure_request SET status = $2, decided_by = $3, decided_at = now(), note = CASE WHEN $2 = 'erased' THEN NULL ELSE note END,
              learner_id = CASE WHEN $2 = 'erased' THEN NULL ELSE learner_id END
        WHERE id = $1`,
      [id, status, by],
    );
  }

  /** What partners received about the learner: referral and registration ids per partner (for `learner.erased`). */
  async sharedWithPartners(manager: EntityManager, learnerId: string): Promise<Map<string, { referralIds: string[]; registrationIds: string[] }>> {
    const referrals = await manager.query<{ partnerId: string; id: string }[]>(
      'SELECT r.partner_id AS "partnerId", r.id FROM referral r JOIN guidance_case c ON c.id = r.case_id WHERE c.learner_id = $1',
      [learnerId],
    );
    const registrations = await manager.query<{ partnerId: string; id: string }[]>(
      'SELECT partner_id AS "partnerId", id FROM exchange.registration WHERE learner_id = $1',
      [learnerId],
    );
    const byPartner = new Map<string, { referralIds: string[]; registrationIds: string[] }>();
    const entry = (partnerId: string) => {
      let found = byPartner.get(partnerId);
      if (!found) byPartner.set(partnerId, (found = { referralIds: [], registrationIds: [] }));
      return found;
    };
    for (const row of referrals) entry(row.partnerId).referralIds.push(row.id);
    for (const row of registrations) entry(row.partnerId).registrationIds.push(row.id);
    return byPartner;
  }

  /** Erases the learner everywhere in the region and the exchange area; only the erasure request (pseudonymous) remains. */
  async erase(manager: EntityManager, learnerId: string): Promise<void> {
    const cases = 'SELECT id FROM guidance_case WHERE learner_id = $1';
    await manager.query(`DELETE FROM exchange.referral WHERE id IN (SELECT id FROM referral WHERE case_id IN (${cases}))`, [learnerId]);
    await manager.query('DELETE FROM exchange.registration WHERE learner_id = $1', [learnerId]);
    await manager.query(`DELETE FROM referral WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query(`DELETE FROM offer_gap WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query(`DELETE FROM action_item WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query(`DELETE FROM contact WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query(`DELETE FROM case_transition WHERE case_id IN (${cases})`, [learnerId]);
    await manager.query('DELETE FROM guidance_case WHERE learner_id = $1', [learnerId]);
    await manager.query('DELETE FROM consent WHERE learner_id = $1', [learnerId]);
    await manager.query('DELETE FROM learner_history WHERE learner_id = $1', [learnerId]);
    await manager.query('DELETE FROM learner WHERE id = $1', [learnerId]);
  }
}
