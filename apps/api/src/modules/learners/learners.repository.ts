import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { versionedUpdate } from '../../database/versioned-update.js';

/** A learner as stored (the INSZ stays encrypted here). */
export interface LearnerRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: string;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  municipality: string | null;
  nativeLanguage: string;
  dutchLevel: string;
  educationLevel: string;
  employmentStatus: string;
  targetGroups: string[];
  referralSource: string;
  inszEncrypted: Buffer | null;
  restrictedAt: Date | null;
  restrictionReason: string | null;
  anonymisedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type LearnerWrite = Omit<LearnerRow, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'restrictedAt' | 'restrictionReason' | 'anonymisedAt'>;

export interface HistoryRow {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string;
  changedAt: Date;
}

export interface LearnerSummaryRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  municipality: string | null;
  latestCaseStatus: string | null;
  score?: string;
}

export interface LearnerFilters {
  q?: string;
  dateOfBirth?: string;
  caseStatus?: string;
  counsellorId?: string;
}

/** Keyset positions: by relevance for a name search, by name otherwise. */
export type LearnerCursor = { s: string; id: string } | { l: string; f: string; id: string };

const COLUMNS = `
  l.id, l.first_name AS "firstName", l.last_name AS "lastName", to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  l.gender, l.email, l.phone, l.postal_code AS "postalCode", l.municipality, l.native_language AS "nativeLanguage",
  l.dutch_level AS "dutchLevel", l.education_level AS "educationLevel", l.employment_status AS "employmentStatus",
  l.target_groups AS "targetGroups", l.referral_source AS "referralSource", l.insz_encrypted AS "inszEncrypted",
  l.restricted_at AS "restrictedAt", l.restriction_reason AS "restrictionReason", l.anonymised_at AS "anonymisedAt", l.version, l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;

const WRITABLE: [keyof LearnerWrite, string][] = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['gender', 'gender'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['postalCode', 'postal_code'],
  ['municipality', 'municipality'],
  ['nativeLanguage', 'native_language'],
  ['dutchLevel', 'dutch_level'],
  ['educationLevel', 'education_level'],
  ['employmentStatus', 'employment_status'],
  ['targetGroups', 'target_groups'],
  ['referralSource', 'referral_source'],
  ['inszEncrypted', 'insz_encrypted'],
];

/** Learners, their consents and access log; every method runs in a region unit of work. */
@Injectable()
export class LearnersRepository {
  async insert(manager: EntityManager, learner: LearnerWrite, createdBy: string): Promise<LearnerRow> {
    const columns = WRITABLE.map(([, column]) => column);
    const values = WRITABLE.map(([field]) => learner[field]);
    const [row] = await manager.query<[{ id: string }]>(
      `INSERT INTO learner (${columns.join(', ')}, created_by) VALUES (${columns.map((_c, i) => `$${i + 1}`).join(', ')}, $${columns.length + 1}) RETURNING id`,
      [...values, createdBy],
    );
    const created = await this.findById(manager, row.id);
    if (!created) throw new Error('inserted learner not found');
    return created;
  }

  async findById(manager: EntityManager, id: string): Promise<LearnerRow | null> {
    const rows = await manager.query<LearnerRow[]>(`SELECT ${COLUMNS} FROM learner l WHERE l.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query<unknown[]>('SELECT 1 FROM learner WHERE id = $1', [id])).length > 0;
  }

  /** Applies the changes when the stored version is `expectedVersion`; null when it is not (stale). */
  async update(manager: EntityManager, id: string, changes: Partial<LearnerWrite>, expectedVersion: number): Promise<LearnerRow | null> {
    const updated = await versionedUpdate(manager, 'learner', id, expectedVersion, Object.fromEntries(WRITABLE) as Record<keyof LearnerWrite, string>, changes);
    return updated ? this.findById(manager, id) : null;
  }

  /** Possible duplicates: the same date of birth and a similar name (either order). */
  async similar(manager: EntityManager, firstName: string, lastName: string, dateOfBirth: string): Promise<LearnerSummaryRow[]> {
    return manager.query<LearnerSummaryRow[]>(
      `WITH q AS (SELECT extensions.search_fold($1 || ' ' || $2) AS key)
       SELECT l.id, l.first_name AS "firstName", l.last_name AS "lastName", to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
              l.municipality, NULL AS "latestCaseStatus"
         FROM learner l, q
        WHERE l.date_of_birth = $3
          AND greatest(extensions.similarity(l.search_key, q.key), extensions.similarity(l.search_key_reversed, q.key)) >= 0.45
        ORDER BY l.last_name, l.first_name, l.id
        LIMIT 10`,
      [firstName, lastName, dateOfBirth],
    );
  }

  /**
   * Lists learners: with `q`, by name relevance (accent- and case-insensitive, typo-tolerant trigram
   * similarity on the folded name in either order); otherwise by last name, first name. Keyset pagination.
   */
  async search(manager: EntityManager, filters: LearnerFilters, limit: number, after?: LearnerCursor): Promise<LearnerSummaryRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filters.dateOfBirth) where.push(`l.date_of_birth = ${param(filters.dateOfBirth)}`);
    if (filters.caseStatus) where.push(`EXISTS (SELECT 1 FROM guidance_case c WHERE c.learner_id = l.id AND c.status = ${param(filters.caseStatus)})`);
    if (filters.counsellorId) where.push(`EXISTS (SELECT 1 FROM guidance_case c WHERE c.learner_id = l.id AND c.counsellor_id = ${param(filters.counsellorId)})`);
    const latest = `(SELECT c.status FROM guidance_case c WHERE c.learner_id = l.id ORDER BY c.opened_at DESC, c.id LIMIT 1)`;
    const select = `l.id, l.first_name AS "firstName", l.last_name AS "lastName", to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", l.municipality, ${latest} AS "latestCaseStatus"`;

    if (filters.q !== undefined && filters.q.trim() !== '') {
      const key = param(filters.q);
      const score = `round(greatest(
          extensions.similarity(l.search_key, q.key), extensions.similarity(l.search_key_reversed, q.key),
          extensions.word_similarity(q.key, l.search_key), extensions.word_similarity(q.key, l.search_key_reversed))::numeric, 4)`;
      where.push(`(l.search_key OPERATOR(extensions.%) q.key OR l.search_key_reversed OPERATOR(extensions.%) q.key
                OR q.key OPERATOR(extensions.<%) l.search_key OR q.key OPERATOR(extensions.<%) l.search_key_reversed
                OR l.search_key LIKE q.key || '%' OR l.search_key_reversed LIKE q.key || '%')`);
      const outer: string[] = [];
      if (after && 's' in after) outer.push(`(r.score < ${param(after.s)}::numeric OR (r.score = ${param(after.s)}::numeric AND r.id > ${param(after.id)}::uuid))`);
      return manager.query<LearnerSummaryRow[]>(
        `WITH q AS (SELECT extensions.search_fold(${key}) AS key)
         SELECT * FROM (SELECT ${select}, ${score}::text AS score FROM learner l, q WHERE ${where.join(' AND ')}) r
         ${outer.length > 0 ? `WHERE ${outer.join(' AND ')}` : ''}
         ORDER BY r.score::numeric DESC, r.id LIMIT ${param(limit)}`,
        params,
      );
    }
    if (after && 'l' in after) {
      where.push(`(l.last_name, l.first_name, l.id) > (${param(after.l)}, ${param(after.f)}, ${param(after.id)}::uuid)`);
    }
    return manager.query<LearnerSummaryRow[]>(
      `SELECT ${select} FROM learner l ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.last_name, l.first_name, l.id LIMIT ${param(limit)}`,
      params,
    );
  }

  // --- rectification history and restriction ---------------------------------------------------------

  async addHistory(manager: EntityManager, learnerId: string, changes: { field: string; oldValue: string | null; newValue: string | null }[], by: string): Promise<void> {
    for (const change of changes) {
      await manager.query('INSERT INTO learner_history (learner_id, field, old_value, new_value, changed_by) VALUES ($1, $2, $3, $4, $5)', [
        learnerId,
        change.field,
        change.oldValue,
        change.newValue,
        by,
      ]);
    }
  }

  /** Corrections of the learner's data, newest first; keyset after the id. */
  async history(manager: EntityManager, learnerId: string, limit: number, afterId?: string): Promise<HistoryRow[]> {
    return manager.query<HistoryRow[]>(
      `SELECT h.id::text AS id, h.field, h.old_value AS "oldValue", h.new_value AS "newValue", h.changed_by AS "changedBy", h.changed_at AS "changedAt"
         FROM learner_history h WHERE h.learner_id = $1 AND ($3::bigint IS NULL OR h.id < $3::bigint) ORDER BY h.id DESC LIMIT $2`,
      [learnerId, limit, afterId ?? null],
    );
  }

  /** Restricts (reason) or lifts (null) processing; answers whether the learner exists. */
  async setRestriction(manager: EntityManager, learnerId: string, reason: string | null, by: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE learner SET restricted_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, restriction_reason = $2,
              restricted_by = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::uuid END, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id`,
      [learnerId, reason, by],
    );
    return rows.length > 0;
  }

  /** The state that decides whether a learner's data may be changed: restricted or anonymised (null: unknown learner). */
  async processingState(manager: EntityManager, learnerId: string): Promise<{ restricted: boolean; anonymised: boolean } | null> {
    const rows = await manager.query<{ restricted: boolean; anonymised: boolean }[]>(
      'SELECT restricted_at IS NOT NULL AS restricted, anonymised_at IS NOT NULL AS anonymised FROM learner WHERE id = $1',
      [learnerId],
    );
    return rows[0] ?? null;
  }

  /** Whether the user counsels one of the learner's cases. */
  async isCounsellorOf(manager: EntityManager, learnerId: string, userId: string): Promise<boolean> {
    return (await manager.query<unknown[]>('SELECT 1 FROM guidance_case WHERE learner_id = $1 AND counsellor_id = $2 LIMIT 1', [learnerId, userId])).length > 0;
  }

  // --- access log ---------------------------------------------------------------------------------

  async logAccess(manager: EntityManager, learnerId: string, userId: string, parts: string[]): Promise<void> {
    await manager.query('INSERT INTO learner_access (learner_id, user_id, parts) VALUES ($1, $2, $3)', [learnerId, userId, parts]);
  }

  async accessLog(manager: EntityManager, learnerId: string, limit: number, afterId?: string): Promise<{ id: string; userId: string; accessedAt: Date; parts: string[] }[]> {
    return manager.query(
      `SELECT a.id::text AS id, a.user_id AS "userId", a.accessed_at AS "accessedAt", a.parts FROM learner_access a
        WHERE a.learner_id = $1 AND ($2::bigint IS NULL OR a.id < $2::bigint) ORDER BY a.id DESC LIMIT $3`,
      [learnerId, afterId ?? null, limit],
    );
  }
}
