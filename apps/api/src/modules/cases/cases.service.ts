import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { staleVersion } from '../../common/http/versioning.js';
import { cursorKey, encodeCursor, EXACT_INSTANT, type PageQueryDto, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { OrganisationsRepository } from '../identity/organisations.repository.js';
import { UsersRepository } from '../identity/users.repository.js';
import { ConsentsRepository } from '../learners/consents.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { assertMayProcess } from '../learners/learner-processing.js';
import { AuditService } from '../audit/audit.service.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { RegionContext } from '../../tenancy/region-context.js';
import { allowedNext, type CaseStatus, checkTransition, FOLLOW_UP_MONTHS } from './case-state-machine.js';
import { type ActionItemRow, type CaseRow, CasesRepository, type OfferGapRow } from './cases.repository.js';
import type {
  ActionItemDto,
  ActionItemPageDto,
  CaseDto,
  CasePageDto,
  CaseTransitionPageDto,
  ContactDto,
  ContactPageDto,
  CreateActionItemDto,
  CreateCaseDto,
  CreateContactDto,
  CaseSensitiveDto,
  CreateOfferGapDto,
  OfferGapDto,
  OfferGapListDto,
  ListCasesQueryDto,
  TransitionDto,
  UpdateActionItemDto,
  UpdateCaseDto,
} from './dto/case.dto.js';

const FOLLOW_UP_TASK: Record<number, string> = {
  3: 'Opvolging na 3 maanden: nog in opleiding? attest? werk?',
  6: 'Opvolging na 6 maanden: nog in opleiding? attest? werk?',
  12: 'Opvolging na 12 maanden: nog in opleiding? attest? werk?',
};

/** Cases (trajecten): the lifecycle, contacts, the action plan and the follow-ups. */
@Injectable()
export class CasesService {
  constructor(
    private readonly unitOfWork: RegionUnitOfWork,
    private readonly cases: CasesRepository,
    private readonly learners: LearnersRepository,
    private readonly consents: ConsentsRepository,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly context: RegionContext,
  ) {}

  async create(region: RegionRef, input: CreateCaseDto, actor: UserPrincipal): Promise<CaseDto> {
    const counsellorId = input.counsellorId ?? actor.userId;
    await this.requireMember(region, counsellorId);
    if (input.organisationId) await this.requireOrganisation(region, input.organisationId);
    const { barriers, health } = splitHealth(input.barriers ?? []);
    const row = await this.unitOfWork.run(async (manager) => {
      if (!(await this.learners.exists(manager, input.learnerId))) {
        throw DomainError.validation([{ field: 'learnerId', message: 'learnerId must be a learner of this region', rule: 'learnerOfRegion' }]);
      }
      await assertMayProcess(this.learners, manager, input.learnerId);
      const id = await this.cases.insert(
        manager,
        {
          learnerId: input.learnerId,
          kind: input.kind,
          counsellorId,
          organisationId: input.organisationId ?? null,
          learningQuestion: input.learningQuestion ?? null,
          themes: input.themes ?? [],
          barriers,
          goal: input.goal ?? null,
          healthBarrier: input.healthBarrier === true || health ? this.cipher.encrypt('true') : null,
        },
        actor.userId,
      );
      return this.requireCase(manager, id);
    });
    return this.named(row);
  }

  async get(id: string, actor: UserPrincipal): Promise<CaseDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      const found = await this.requireCase(manager, id);
      await this.learners.logAccess(manager, found.learnerId, actor.userId, ['case']);
      return found;
    });
    return this.named(row);
  }

  async list(query: ListCasesQueryDto, actor: UserPrincipal): Promise<CasePageDto> {
    const after = readCursor(query.cursor, { d: /^(\d{4}-\d{2}-\d{2}|infinity)$/, id: UUID_PATTERN });
    const rows = await this.unitOfWork.run((manager) =>
      this.cases.list(
        manager,
        { status: query.status, kind: query.kind, learnerId: query.learnerId, organisationId: query.organisationId, counsellorId: query.mine ? actor.userId : query.counsellorId },
        query.limit + 1,
        after,
      ),
    );
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.counsellorId))]);
    const items = rows.slice(0, query.limit).map((row) => this.toDto(row, names));
    const last = rows[query.limit - 1] as (CaseRow & { sortKey: string }) | undefined;
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ d: last.sortKey, id: last.id }) : null };
  }

  async update(region: RegionRef, id: string, changes: UpdateCaseDto, basedOn: number): Promise<CaseDto> {
    if (changes.counsellorId) await this.requireMember(region, changes.counsellorId);
    if (changes.organisationId) await this.requireOrganisation(region, changes.organisationId);
    const row = await this.unitOfWork.run(async (manager) => {
      const current = await this.requireWritableCase(manager, id);
      if (current.version !== basedOn) throw staleVersion(current.version);
      const { version: _version, barriers: given, healthBarrier, ...fields } = changes;
      const split = given === undefined ? undefined : splitHealth(given);
      const health = healthBarrier ?? (split?.health ? true : undefined);
      const stored = { ...fields, ...(split ? { barriers: split.barriers } : {}), ...(health === undefined ? {} : { healthBarrier: health ? this.cipher.encrypt('true') : null }) };
      if (!(await this.cases.update(manager, id, stored, basedOn))) throw staleVersion(current.version + 1);
      return this.requireCase(manager, id);
    });
    return this.named(row);
  }

  /** Moves a case to another status (409 CASE.INVALID_TRANSITION when the lifecycle does not allow it). */
  async transition(id: string, input: TransitionDto, actor: UserPrincipal): Promise<CaseDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      const current = await this.requireWritableCase(manager, id, true);
      const to = input.to as CaseStatus;
      checkTransition({ from: current.status, to, note: input.note, exitReason: input.exitReason, objectivesMet: input.objectivesMet });
      const closing = to === 'closed';
      const closedAt = closing ? new Date() : null;
      await this.cases.setStatus(manager, id, to, { exitReason: input.exitReason ?? null, objectivesMet: input.objectivesMet ?? null, closedAt });
      await this.cases.recordTransition(manager, id, current.status, to, input.note?.trim() || null, actor.userId);
      // Follow-ups after a guidance case only where the learner consented to outcome follow-up.
      if (closing && current.kind === 'guidance' && closedAt && (await this.consents.hasActive(manager, current.learnerId, 'outcome_follow_up'))) {
        for (const months of FOLLOW_UP_MONTHS) {
          await this.cases.insertActionItem(manager, id, { task: FOLLOW_UP_TASK[months] ?? '', owner: 'counsellor', dueDate: addMonths(closedAt, months), followUpMonths: months });
        }
      }
      if (current.status === 'closed') await this.cases.dropOpenFollowUps(manager, id);
      return this.requireCase(manager, id);
    });
    return this.named(row);
  }

  async transitions(id: string, limit: number, cursor?: string): Promise<CaseTransitionPageDto> {
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireCase(manager, id);
      return this.cases.transitions(manager, id, limit + 1, cursorKey(cursor, 'id'));
    });
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.byUserId))]);
    const items = rows.slice(0, limit).map((row) => ({ ...row, byUserName: names.get(row.byUserId) ?? null, at: new Date(row.at).toISOString() }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  async addContact(id: string, input: CreateContactDto, actor: UserPrincipal): Promise<ContactDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      await this.requireWritableCase(manager, id);
      return this.cases.insertContact(
        manager,
        id,
        { occurredAt: new Date(input.occurredAt), durationMinutes: input.durationMinutes, channel: input.channel, kind: input.kind, notes: input.notes?.trim() || null },
        actor.userId,
      );
    });
    const names = await this.users.displayNames([row.counsellorId]);
    return { ...row, occurredAt: new Date(row.occurredAt).toISOString(), counsellorName: names.get(row.counsellorId) ?? null };
  }

  /** A "no suitable offer" signal on the case (counted per theme in the indicators). */
  async addOfferGap(id: string, input: CreateOfferGapDto, actor: UserPrincipal): Promise<OfferGapDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      await this.requireWritableCase(manager, id);
      return this.cases.insertOfferGap(manager, id, { theme: input.theme, description: input.description?.trim() || null }, actor.userId);
    });
    return (await this.withNames([row]))[0] as OfferGapDto;
  }

  async offerGaps(id: string, query: PageQueryDto): Promise<OfferGapListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireCase(manager, id);
      return this.cases.offerGaps(manager, id, query.limit + 1, after);
    });
    const page = toKeysetPage(rows, query.limit, (row) => row, (row) => ({ t: row.sortKey, id: row.id }));
    return { items: await this.withNames(page.items), nextCursor: page.nextCursor };
  }

  private async withNames(rows: OfferGapRow[]): Promise<OfferGapDto[]> {
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.signalledBy))]);
    return rows.map((row) => ({ ...row, signalledAt: new Date(row.signalledAt).toISOString(), signalledByName: names.get(row.signalledBy) ?? null }));
  }

  async contacts(id: string, limit: number, cursor?: string): Promise<ContactPageDto> {
    const after = readCursor(cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireCase(manager, id);
      return this.cases.contacts(manager, id, limit + 1, after);
    });
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.counsellorId))]);
    return toKeysetPage(
      rows,
      limit,
      (row) => ({ ...row, occurredAt: new Date(row.occurredAt).toISOString(), counsellorName: names.get(row.counsellorId) ?? null }),
      (row) => ({ t: row.sortKey, id: row.id }),
    );
  }

  async addActionItem(id: string, input: CreateActionItemDto): Promise<ActionItemDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      await this.requireWritableCase(manager, id);
      return this.cases.insertActionItem(manager, id, { task: input.task.trim(), owner: input.owner, dueDate: input.dueDate ?? null });
    });
    return toItemDto(row);
  }

  async actionItems(id: string, limit: number, cursor?: string): Promise<ActionItemPageDto> {
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireCase(manager, id);
      return this.cases.actionItems(manager, id, limit + 1, cursorKey(cursor, 'id'));
    });
    const items = rows.slice(0, limit).map(toItemDto);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  async updateActionItem(caseId: string, itemId: string, changes: UpdateActionItemDto, basedOn: number): Promise<ActionItemDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      await this.requireWritableCase(manager, caseId);
      const current = await this.cases.findActionItem(manager, caseId, itemId);
      if (!current) throw DomainError.notFound('This action item');
      if (current.version !== basedOn) throw staleVersion(current.version);
      const { version: _version, done, ...fields } = changes;
      const doneAt = done === undefined ? undefined : done ? (current.doneAt ?? new Date()) : null;
      if (!(await this.cases.updateActionItem(manager, itemId, { ...fields, ...(doneAt === undefined ? {} : { doneAt }) }, basedOn))) {
        throw staleVersion(current.version + 1);
      }
      const updated = await this.cases.findActionItem(manager, caseId, itemId);
      if (!updated) throw DomainError.notFound('This action item');
      return updated;
    });
    return toItemDto(row);
  }

  /**
   * The health barrier (special category): only for the case's counsellor and the coordinators; every read is
   * in the learner's access log and the audit trail.
   */
  async sensitive(region: RegionRef, id: string, actor: UserPrincipal, meta: RequestMeta): Promise<CaseSensitiveDto> {
    const healthBarrier = await this.unitOfWork.run(async (manager) => {
      const kase = await this.requireCase(manager, id);
      if (this.context.role() !== 'coordinator' && kase.counsellorId !== actor.userId) {
        throw DomainError.forbidden("Only the case's counsellor and the coordinators may see health information.");
      }
      await this.learners.logAccess(manager, kase.learnerId, actor.userId, ['health']);
      const stored = await this.cases.healthBarrier(manager, id);
      return stored !== null && this.cipher.decrypt(stored) === 'true';
    });
    await this.audit.record({ action: 'learner.health.revealed', actorUserId: actor.userId, targetType: 'case', targetId: id, regionId: region.id, ...meta });
    return { healthBarrier };
  }

  /** A case whose learner may be changed (not restricted, not anonymised). */
  private async requireWritableCase(manager: EntityManager, id: string, lock = false): Promise<CaseRow> {
    const row = await this.requireCase(manager, id, lock);
    await assertMayProcess(this.learners, manager, row.learnerId);
    return row;
  }

  private async requireCase(manager: EntityManager, id: string, lock = false): Promise<CaseRow> {
    const row = await this.cases.findById(manager, id, lock);
    if (!row) throw DomainError.notFound('This case');
    return row;
  }

  private async requireMember(region: RegionRef, userId: string): Promise<void> {
    if (!(await this.users.regionRole(userId, region.id))) {
      throw DomainError.validation([{ field: 'counsellorId', message: 'counsellorId must be an active member of this region', rule: 'memberOfRegion' }]);
    }
  }

  private async requireOrganisation(region: RegionRef, organisationId: string): Promise<void> {
    if (!(await this.organisations.findInRegion(region.id, organisationId))) {
      throw DomainError.validation([{ field: 'organisationId', message: 'organisationId must be an organisation of this region', rule: 'organisationOfRegion' }]);
    }
  }

  /** One case with its counsellor's name (read from the platform, outside the region transaction). */
  private async named(row: CaseRow): Promise<CaseDto> {
    return this.toDto(row, await this.users.displayNames([row.counsellorId]));
  }

  private toDto(row: CaseRow, names: Map<string, string>): CaseDto {
    return {
      id: row.id,
      learnerId: row.learnerId,
      learnerName: row.learnerName,
      kind: row.kind,
      status: row.status,
      allowedTransitions: allowedNext(row.status),
      counsellorId: row.counsellorId,
      counsellorName: names.get(row.counsellorId) ?? null,
      organisationId: row.organisationId,
      learningQuestion: row.learningQuestion,
      themes: row.themes,
      barriers: row.barriers,
      goal: row.goal,
      exitReason: row.exitReason,
      objectivesMet: row.objectivesMet,
      openedAt: new Date(row.openedAt).toISOString(),
      closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
      nextDueDate: row.nextDueDate,
      overdue: row.overdue,
      contactCount: row.contactCount,
      version: row.version,
    };
  }
}

/** Field by field: rows may carry more columns (the list's createdAt, for its cursor) than the document describes. */
function toItemDto(row: ActionItemRow): ActionItemDto {
  return {
    id: row.id,
    task: row.task,
    owner: row.owner,
    dueDate: row.dueDate,
    doneAt: row.doneAt ? new Date(row.doneAt).toISOString() : null,
    followUpMonths: row.followUpMonths,
    inEducation: row.inEducation,
    certificateObtained: row.certificateObtained,
    employed: row.employed,
    outcomeNote: row.outcomeNote,
    overdue: row.overdue,
    version: row.version,
  };
}

/** `health` never goes into the plain barriers array: it is kept encrypted, apart. */
function splitHealth(barriers: readonly string[]): { barriers: string[]; health: boolean } {
  return { barriers: barriers.filter((barrier) => barrier !== 'health'), health: barriers.includes('health') };
}

function addMonths(date: Date, months: number): string {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
  return result.toISOString().slice(0, 10);
}
