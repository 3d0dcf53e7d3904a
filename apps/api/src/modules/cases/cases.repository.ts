import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { exactInstant } from '../../common/pagination/page-query.dto.js';
import { versionedUpdate } from '../../database/versioned-update.js';
import type { CaseStatus } from './case-state-machine.js';

export interface CaseRow {
  id: string;
  learnerId: string;
  learnerName: string;
  kind: string;
  status: CaseStatus;
  counsellorId: string;
  organisationId: string | null;
  learningQuestion: string | null;
  themes: string[];
  barriers: string[];
  goal: string | null;
  exitReason: string | null;
  objectivesMet: string | null;
  openedAt: Date;
  closedAt: Date | null;
  nextDueDate: string | null;
  overdue: boolean;
  contactCount: number;
  version: number;
}

export interface CaseFilters {
  status?: string;
  kind?: string;
  counsellorId?: string;
  learnerId?: string;
  organisationId?: string;
}

export interface ActionItemRow {
  id: string;
  task: string;
  owner: string;
  dueDate: string | null;
  doneAt: Date | null;
  followUpMonths: number | null;
  inEducation: boolean | null;
  certificateObtained: boolean | null;
  employed: boolean | null;
  outcomeNote: string | null;
  overdue: boolean;
  version: number;
}

const NEXT_DUE = `(SELECT min(a.due_date) FROM action_item a WHERE a.case_id = c.id AND a.done_at IS NULL)`;
const CASE_COLUMNS = `
  c.id, c.learner_id AS "learnerId", l.first_name || ' ' || l.last_name AS "learnerName", c.kind, c.status,
  c.counsellor_id AS "counsellorId", c.organisation_id AS "organisationId", c.learning_question AS "learningQuestion",
  c.themes, c.barriers, c.goal, c.exit_reason AS "exitReason", c.objectives_met AS "objectivesMet",
  c.opened_at AS "openedAt", c.closed_at AS "closedAt", to_char(${NEXT_DUE}, 'YYYY-MM-DD') AS "nextDueDate",
  coalesce(${NEXT_DUE} < current_date, false) AS overdue,
  (SELECT count(*)::int FROM contact k WHERE k.case_id = c.id) AS "contactCount", c.version`;

export interface OfferGapRow {
  id: string;
  theme: string;
  description: string | null;
  signalledBy: string;
  signalledAt: Date;
}

const OFFER_GAP_COLUMNS = 'id, theme, description, signalled_by AS "signalledBy", signalled_at AS "signalledAt"';

const ITEM_COLUMNS = `id, task, owner, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", done_at AS "doneAt", follow_up_months AS "followUpMonths",
  in_education AS "inEducation", certificate_obtained AS "certificateObtained", employed, outcome_note AS "outcomeNote",
  coalesce(done_at IS NULL AND due_date < current_date, false) AS overdue, version`;

/** Cases, transitions, contacts and action items; every method runs in a region unit of work. */
@Injectable()
export class CasesRepository {
  async insert(
    manager: EntityManager,
    values: {
      learnerId: string;
      kind: string;
      counsellorId: string;
      organisationId: string | null;
      learningQuestion: string | null;
      themes: string[];
      barriers: string[];
      goal: string | null;
      healthBarrier?: Buffer | null;
    },
    by: string,
  ): Promise<string> {
    const [row] = await manager.query<[{ id: string }]>(
      `INSERT INTO guidance_case (learner_id, kind, counsellor_id, organisation_id, learning_question, themes, barriers, goal, health_barrier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [values.learnerId, values.kind, values.counsellorId, values.organisationId, values.learningQuestion, values.themes, values.barriers, values.goal, values.healthBarrier ?? null],
    );
    await this.recordTransition(manager, row.id, null, 'registered', null, by);
    return row.id;
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<CaseRow | null> {
    if (lock) await manager.query('SELECT 1 FROM guidance_case WHERE id = $1 FOR UPDATE', [id]);
    const rows = await manager.query<CaseRow[]>(`SELECT ${CASE_COLUMNS} FROM guidance_case c JOIN learner l ON l.id = c.learner_id WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Cases ordered by their earliest open due date (overdue first), then id; keyset after (due, id). */
  async list(manager: EntityManager, filters: CaseFilters, limit: number, after?: { d: string; id: string }): Promise<CaseRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filters.status) where.push(`c.status = ${param(filters.status)}`);
    if (filters.kind) where.push(`c.kind = ${param(filters.kind)}`);
    if (filters.counsellorId) where.push(`c.counsellor_id = ${param(filters.counsellorId)}`);
    if (filters.learnerId) where.push(`c.learner_id = ${param(filters.learnerId)}`);
    if (filters.organisationId) where.push(`c.organisation_id = ${param(filters.organisationId)}`);
    const sortKey = `coalesce(${NEXT_DUE}, 'infinity'::date)`;
    if (after) where.push(`(${sortKey}, c.id) > (${param(after.d)}::date, ${param(after.id)}::uuid)`);
    return manager.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS}, coalesce(to_char(${NEXT_DUE}, 'YYYY-MM-DD'), 'infinity') AS "sortKey" FROM guidance_case c JOIN learner l ON l.id = c.learner_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sortKey}, c.id LIMIT ${param(limit)}`,
      params,
    );
  }

  async update(manager: EntityManager, id: string, changes: Record<string, unknown>, expectedVersion: number): Promise<boolean> {
    const columns: Record<string, string> = {
      counsellorId: 'counsellor_id',
      organisationId: 'organisation_id',
      learningQuestion: 'learning_question',
      themes: 'themes',
      barriers: 'barriers',
      goal: 'goal',
      healthBarrier: 'health_barrier',
    };
    return versionedUpdate(manager, 'guidance_case', id, expectedVersion, columns, changes);
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: CaseStatus,
    exit: { exitReason: string | null; objectivesMet: string | null; closedAt: Date | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE guidance_case SET status = $2, exit_reason = $3, objectives_met = $4, closed_at = $5, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, status, exit.exitReason, exit.objectivesMet, exit.closedAt],
    );
  }

  async recordTransition(manager: EntityManager, caseId: string, from: CaseStatus | null, to: CaseStatus, note: string | null, by: string): Promise<void> {
    await manager.query('INSERT INTO case_transition (case_id, from_status, to_status, note, by_user) VALUES ($1, $2, $3, $4, $5)', [caseId, from, to, note, by]);
  }

  async transitions(manager: EntityManager, caseId: string, limit: number, afterId?: string): Promise<{ id: string; from: string | null; to: string; note: string | null; byUserId: string; at: Date }[]> {
    return manager.query(
      `SELECT t.id::text AS id, t.from_status AS "from", t.to_status AS "to", t.note, t.by_user AS "byUserId", t.at FROM case_transition t
        WHERE t.case_id = $1 AND ($2::bigint IS NULL OR t.id > $2::bigint) ORDER BY t.id LIMIT $3`,
      [caseId, afterId ?? null, limit],
    );
  }

  async insertContact(
    manager: EntityManager,
    caseId: string,
    contact: { occurredAt: Date; durationMinutes: number; channel: string; kind: string; notes: string | null },
    counsellorId: string,
  ): Promise<{ id: string; occurredAt: Date; durationMinutes: number; channel: string; kind: string; notes: string | null; counsellorId: string }> {
    const [row] = await manager.query<[{ id: string; occurredAt: Date; durationMinutes: number; channel: string; kind: string; notes: string | null; counsellorId: string }]>(
      `INSERT INTO contact (case_id, occurred_at, duration_minutes, channel, kind, notes, counsellor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, occurred_at AS "occurredAt", duration_minutes AS "durationMinutes", channel, kind, notes, counsellor_id AS "counsellorId"`,
      [caseId, contact.occurredAt, contact.durationMinutes, contact.channel, contact.kind, contact.notes, counsellorId],
    );
    return row;
  }

  /** Contacts, newest first; keyset after (occurredAt, id). */
  async contacts(manager: EntityManager, caseId: string, limit: number, after?: { t: string; id: string }) {
    return manager.query<{ id: string; occurredAt: Date; durationMinutes: number; channel: string; kind: string; notes: string | null; counsellorId: string; sortKey: string }[]>(
      `SELECT id, occurred_at AS "occurredAt", duration_minutes AS "durationMinutes", channel, kind, notes, counsellor_id AS "counsellorId",
              ${exactInstant('occurred_at')} AS "sortKey"
         FROM contact WHERE case_id = $1 AND ($2::timestamptz IS NULL OR (occurred_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY occurred_at DESC, id DESC LIMIT $4`,
      [caseId, after?.t ?? null, after?.id ?? null, limit],
    );
  }

  async insertActionItem(manager: EntityManager, caseId: string, item: { task: string; owner: string; dueDate: string | null; followUpMonths?: number }): Promise<ActionItemRow> {
    const [row] = await manager.query<[ActionItemRow]>(
      `INSERT INTO action_item (case_id, task, owner, due_date, follow_up_months) VALUES ($1, $2, $3, $4, $5) RETURNING ${ITEM_COLUMNS}`,
      [caseId, item.task, item.owner, item.dueDate, item.followUpMonths ?? null],
    );
    return row;
  }

  async actionItems(manager: EntityManager, caseId: string, limit: number, afterId?: string): Promise<(ActionItemRow & { createdAt: Date })[]> {
    return manager.query(
      `SELECT ${ITEM_COLUMNS}, created_at AS "createdAt" FROM action_item
        WHERE case_id = $1 AND ($2::uuid IS NULL OR (created_at, id) > ((SELECT created_at FROM action_item WHERE id = $2::uuid), $2::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [caseId, afterId ?? null, limit],
    );
  }

  async findActionItem(manager: EntityManager, caseId: string, itemId: string): Promise<ActionItemRow | null> {
    const rows = await manager.query<ActionItemRow[]>(`SELECT ${ITEM_COLUMNS} FROM action_item WHERE case_id = $1 AND id = $2`, [caseId, itemId]);
    return rows[0] ?? null;
  }

  async updateActionItem(manager: EntityManager, itemId: string, changes: Record<string, unknown>, expectedVersion: number): Promise<boolean> {
    const columns: Record<string, string> = {
      task: 'task',
      owner: 'owner',
      dueDate: 'due_date',
      doneAt: 'done_at',
      inEducation: 'in_education',
      certificateObtained: 'certificate_obtained',
      employed: 'employed',
      outcomeNote: 'outcome_note',
    };
    return versionedUpdate(manager, 'action_item', itemId, expectedVersion, columns, changes);
  }

  /** On reopening: follow-ups that were still open no longer apply. */
  async dropOpenFollowUps(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query('DELETE FROM action_item WHERE case_id = $1 AND follow_up_months IS NOT NULL AND done_at IS NULL', [caseId]);
  }

  /** The encrypted health barrier of a case (null: none recorded). */
  async healthBarrier(manager: EntityManager, caseId: string): Promise<Buffer | null> {
    const rows = await manager.query<{ value: Buffer | null }[]>('SELECT health_barrier AS value FROM guidance_case WHERE id = $1', [caseId]);
    return rows[0]?.value ?? null;
  }

  async insertOfferGap(manager: EntityManager, caseId: string, gap: { theme: string; description: string | null }, by: string): Promise<OfferGapRow> {
    const [row] = await manager.query<[OfferGapRow]>(
      `INSERT INTO offer_gap (case_id, theme, description, signalled_by) VALUES ($1, $2, $3, $4) RETURNING ${OFFER_GAP_COLUMNS}`,
      [caseId, gap.theme, gap.description, by],
    );
    return row;
  }

  /** The case's gap signals, newest first; keyset after (signalledAt, id). */
  async offerGaps(manager: EntityManager, caseId: string, limit: number, after?: { t: string; id: string }): Promise<(OfferGapRow & { sortKey: string })[]> {
    return manager.query<(OfferGapRow & { sortKey: string })[]>(
      `SELECT ${OFFER_GAP_COLUMNS}, ${exactInstant('signalled_at')} AS "sortKey" FROM offer_gap
        WHERE case_id = $1 AND ($3::timestamptz IS NULL OR (signalled_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY signalled_at DESC, id DESC LIMIT $2`,
      [caseId, limit, after?.t ?? null, after?.id ?? null],
    );
  }
}
