import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isValidInsz, maskInsz, normaliseInsz, ProblemCode } from '@leerwinkel/contracts';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { staleVersion } from '../../common/http/versioning.js';
import { cursorKey, encodeCursor, EXACT_INSTANT, type PageQueryDto, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { PartnersRepository } from '../identity/partners.repository.js';
import { UsersRepository } from '../identity/users.repository.js';
import { ReferralsRepository } from '../referrals/referrals.repository.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { assertMayProcess } from './learner-processing.js';
import { RegionContext } from '../../tenancy/region-context.js';
import { type ConsentRow, ConsentsRepository } from './consents.repository.js';
import type { AccessLogPageDto, ConsentDto, ConsentListDto, CreateConsentDto } from './dto/consent.dto.js';
import type { CreateLearnerDto, InszDto, LearnerDto, LearnerHistoryDto, LearnerPageDto, ListLearnersQueryDto, UpdateLearnerDto } from './dto/learner.dto.js';
import { type LearnerCursor, type LearnerRow, type LearnerWrite, LearnersRepository } from './learners.repository.js';

/** Learners of a region: registration with a duplicate check, search, the INSZ, consents and the access log. */
@Injectable()
export class LearnersService {
  constructor(
    private readonly unitOfWork: RegionUnitOfWork,
    private readonly learners: LearnersRepository,
    private readonly consents: ConsentsRepository,
    private readonly settings: RegionSettingsRepository,
    private readonly partners: PartnersRepository,
    private readonly users: UsersRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsRepository,
    private readonly outbox: WebhookOutbox,
    private readonly context: RegionContext,
  ) {}

  async create(input: CreateLearnerDto, actor: UserPrincipal): Promise<LearnerDto> {
    return this.unitOfWork.run(async (manager) => {
      const insz = await this.inszToStore(manager, input.insz);
      if (!input.confirmNewPerson) {
        const candidates = await this.learners.similar(manager, input.firstName, input.lastName, input.dateOfBirth);
        if (candidates.length > 0) {
          throw new DomainError(
            ProblemCode.POSSIBLE_DUPLICATE,
            409,
            'Possible duplicate',
            'A learner with a similar name and the same date of birth is already registered. Open that record, or send confirmNewPerson: true if this is a different person.',
            undefined,
            { candidates: candidates.map(({ id, firstName, lastName, dateOfBirth, municipality }) => ({ id, firstName, lastName, dateOfBirth, municipality })) },
          );
        }
      }
      const row = await this.learners.insert(manager, { ...writable(input), inszEncrypted: insz ?? null }, actor.userId);
      return this.toDto(row);
    });
  }

  async get(id: string, actor: UserPrincipal): Promise<LearnerDto> {
    return this.unitOfWork.run(async (manager) => {
      const row = await this.requireLearner(manager, id);
      await this.learners.logAccess(manager, id, actor.userId, ['profile']);
      return this.toDto(row);
    });
  }

  /** A correction (rectification): every changed field is kept in the history with its old value (the INSZ only as "changed"). */
  async update(id: string, changes: UpdateLearnerDto, basedOn: number, actor: UserPrincipal): Promise<LearnerDto> {
    return this.unitOfWork.run(async (manager) => {
      const current = await this.requireLearner(manager, id);
      await assertMayProcess(this.learners, manager, id);
      if (current.version !== basedOn) throw staleVersion(current.version);
      const insz = changes.insz === undefined ? undefined : changes.insz === null ? null : await this.inszToStore(manager, changes.insz);
      const { version: _version, insz: _insz, ...fields } = changes;
      const updated = await this.learners.update(manager, id, { ...fields, ...(insz === undefined ? {} : { inszEncrypted: insz }) }, basedOn);
      if (!updated) throw staleVersion(current.version + 1);
      await this.learners.addHistory(manager, id, changedFields(current, updated), actor.userId);
      return this.toDto(updated);
    });
  }

  async history(id: string, query: PageQueryDto): Promise<LearnerHistoryDto> {
    const after = readCursor(query.cursor, { id: /^\d{1,19}$/ });
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireLearner(manager, id);
      return this.learners.history(manager, id, query.limit + 1, after?.id);
    });
    const page = toKeysetPage(rows, query.limit, (row) => row, (row) => ({ id: row.id }));
    const names = await this.users.displayNames([...new Set(page.items.map((row) => row.changedBy))]);
    return {
      items: page.items.map((row) => ({ ...row, changedAt: new Date(row.changedAt).toISOString(), changedByName: names.get(row.changedBy) ?? null })),
      nextCursor: page.nextCursor,
    };
  }

  /** Restricts processing (reason) or lifts the restriction (null); audited. */
  async restrict(region: RegionRef, id: string, reason: string | null, actor: UserPrincipal, meta: RequestMeta): Promise<LearnerDto> {
    const row = await this.unitOfWork.run(async (manager) => {
      const current = await this.requireLearner(manager, id);
      if ((current.restrictedAt !== null) === (reason !== null)) {
        throw new DomainError(ProblemCode.CONFLICT, 409, reason ? 'Already restricted' : 'Not restricted', reason ? 'Processing of this learner is already restricted.' : 'Processing of this learner is not restricted.');
      }
      await this.learners.setRestriction(manager, id, reason, actor.userId);
      await this.learners.addHistory(manager, id, [{ field: 'restriction', oldValue: current.restrictionReason, newValue: reason }], actor.userId);
      return this.requireLearner(manager, id);
    });
    await this.audit.record({ action: reason ? 'learner.restricted' : 'learner.restriction_lifted', actorUserId: actor.userId, targetType: 'learner', targetId: id, regionId: region.id, ...meta });
    return this.toDto(row);
  }

  async list(query: ListLearnersQueryDto): Promise<LearnerPageDto> {
    const searching = query.q !== undefined && query.q.trim() !== '';
    const after = learnerCursor(query.cursor, searching);
    const rows = await this.unitOfWork.run((manager) =>
      this.learners.search(manager, { q: query.q, dateOfBirth: query.dateOfBirth, caseStatus: query.caseStatus, counsellorId: query.counsellorId }, query.limit + 1, after),
    );
    const items = rows.slice(0, query.limit).map(({ id, firstName, lastName, dateOfBirth, municipality, latestCaseStatus }) => ({
      id,
      firstName,
      lastName,
      dateOfBirth,
      municipality,
      latestCaseStatus,
    }));
    const last = rows[query.limit - 1];
    const more = rows.length > query.limit && last !== undefined;
    return {
      items,
      nextCursor: more ? encodeCursor(searching ? { s: last.score ?? '0', id: last.id } : { l: last.lastName, f: last.firstName, id: last.id }) : null,
    };
  }

  /** The full INSZ: only for the coordinators and the counsellors of one of the learner's cases; audited in both logs. */
  async revealInsz(region: RegionRef, id: string, actor: UserPrincipal, meta: RequestMeta): Promise<InszDto> {
    const insz = await this.unitOfWork.run(async (manager) => {
      const row = await this.requireLearner(manager, id);
      if (this.context.role() !== 'coordinator' && !(await this.learners.isCounsellorOf(manager, id, actor.userId))) {
        throw DomainError.forbidden("Only the learner's counsellors and the coordinators may see the national register number.");
      }
      if (!row.inszEncrypted) throw DomainError.notFound('An INSZ for this learner');
      await this.learners.logAccess(manager, id, actor.userId, ['insz']);
      return this.cipher.decrypt(row.inszEncrypted);
    });
    await this.audit.record({ action: 'learner.insz.revealed', actorUserId: actor.userId, targetType: 'learner', targetId: id, regionId: region.id, ...meta });
    return { insz };
  }

  async listConsents(learnerId: string, query: PageQueryDto, actor: UserPrincipal): Promise<ConsentListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    return this.unitOfWork.run(async (manager) => {
      await this.requireLearner(manager, learnerId);
      await this.learners.logAccess(manager, learnerId, actor.userId, ['consents']);
      return toKeysetPage(await this.consents.list(manager, learnerId, query.limit + 1, after), query.limit, toConsentDto, (row) => ({ t: row.sortKey, id: row.id }));
    });
  }

  async addConsent(learnerId: string, input: CreateConsentDto, actor: UserPrincipal): Promise<ConsentDto> {
    if ((input.purpose === 'partner_sharing') !== (input.partnerId !== undefined)) {
      throw DomainError.validation([{ field: 'partnerId', message: 'partnerId is required for partner_sharing and only for it', rule: 'partnerForSharing' }]);
    }
    // Another region's local partner is as unknown here as in the catalogue.
    const regionId = this.context.current()?.id ?? '';
    if (input.partnerId !== undefined && !(await this.partners.isVisibleToRegion(input.partnerId, regionId))) {
      throw DomainError.validation([{ field: 'partnerId', message: 'partnerId must be a partner organisation', rule: 'partnerExists' }]);
    }
    return this.unitOfWork.run(async (manager) => {
      await assertMayProcess(this.learners, manager, learnerId);
      const row = await this.consents.insert(
        manager,
        learnerId,
        { purpose: input.purpose, partnerId: input.partnerId ?? null, textVersion: input.textVersion, givenAt: input.givenAt ? new Date(input.givenAt) : new Date() },
        actor.userId,
      );
      return toConsentDto(row);
    });
  }

  /**
   * Withdraws a consent. A consent to share with a partner also takes the personal data out of the packets of
   * the referrals sent under it, and tells the partner (`consent.withdrawn` webhook) in the same transaction.
   */
  async withdrawConsent(region: RegionRef, learnerId: string, consentId: string, actor: UserPrincipal): Promise<ConsentDto> {
    return this.unitOfWork.run(async (manager) => {
      await this.requireLearner(manager, learnerId);
      const withdrawn = await this.consents.withdraw(manager, learnerId, consentId, actor.userId);
      if (withdrawn?.purpose === 'partner_sharing' && withdrawn.partnerId) {
        const referralIds = await this.referrals.redactForConsent(manager, withdrawn.id);
        // The partner is told only when it received something under this consent.
        if (referralIds.length > 0) await this.outbox.add(manager, {
          regionId: region.id,
          partnerId: withdrawn.partnerId,
          event: {
            type: 'consent.withdrawn',
            data: { consent: { region: { slug: region.slug }, partnerId: withdrawn.partnerId, withdrawnAt: new Date(withdrawn.withdrawnAt ?? Date.now()).toISOString(), referralIds } },
          },
        });
      }
      if (withdrawn) return toConsentDto(withdrawn);
      const existing = await this.consents.find(manager, learnerId, consentId);
      if (!existing) throw DomainError.notFound('This consent');
      throw new DomainError(ProblemCode.CONFLICT, 409, 'Already withdrawn', 'This consent was already withdrawn.');
    });
  }

  async accessLog(learnerId: string, limit: number, cursor?: string): Promise<AccessLogPageDto> {
    const afterId = cursorKey(cursor, 'id');
    const rows = await this.unitOfWork.run(async (manager) => {
      await this.requireLearner(manager, learnerId);
      return this.learners.accessLog(manager, learnerId, limit + 1, afterId);
    });
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.userId))]);
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id,
      userId: row.userId,
      userName: names.get(row.userId) ?? null,
      accessedAt: new Date(row.accessedAt).toISOString(),
      parts: row.parts,
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  private async requireLearner(manager: EntityManager, id: string): Promise<LearnerRow> {
    const row = await this.learners.findById(manager, id);
    if (!row) throw DomainError.notFound('This learner');
    return row;
  }

  /** Validates and encrypts an INSZ; refused where the region has not enabled it. */
  private async inszToStore(manager: EntityManager, insz: string | null | undefined): Promise<Buffer | undefined> {
    if (insz === undefined || insz === null || insz.trim() === '') return undefined;
    if (!(await this.settings.get(manager)).inszEnabled) {
      throw new DomainError(ProblemCode.INSZ_NOT_ENABLED, 400, 'INSZ not enabled', 'This region does not record national register numbers.', [
        { field: 'insz', message: 'insz is not enabled in this region', rule: 'inszEnabled' },
      ]);
    }
    if (!isValidInsz(insz)) {
      throw DomainError.validation([{ field: 'insz', message: 'insz is not a valid national register number (checksum)', rule: 'insz' }]);
    }
    return this.cipher.encrypt(normaliseInsz(insz));
  }

  private toDto(row: LearnerRow): LearnerDto {
    return {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      dateOfBirth: row.dateOfBirth,
      gender: row.gender,
      email: row.email,
      phone: row.phone,
      postalCode: row.postalCode,
      municipality: row.municipality,
      nativeLanguage: row.nativeLanguage,
      dutchLevel: row.dutchLevel,
      educationLevel: row.educationLevel,
      employmentStatus: row.employmentStatus,
      targetGroups: row.targetGroups,
      referralSource: row.referralSource,
      inszMasked: row.inszEncrypted ? maskInsz(this.cipher.decrypt(row.inszEncrypted)) : null,
      restriction: row.restrictedAt ? { since: new Date(row.restrictedAt).toISOString(), reason: row.restrictionReason ?? '' } : null,
      anonymisedAt: row.anonymisedAt ? new Date(row.anonymisedAt).toISOString() : null,
      version: row.version,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}

const HISTORY_FIELDS: (keyof LearnerWrite)[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'postalCode',
  'municipality',
  'nativeLanguage',
  'dutchLevel',
  'educationLevel',
  'employmentStatus',
  'targetGroups',
  'referralSource',
];

/** What a correction changed: old and new values per field; the INSZ is recorded as changed, never in clear. */
function changedFields(before: LearnerRow, after: LearnerRow): { field: string; oldValue: string | null; newValue: string | null }[] {
  const text = (value: string | string[] | Buffer | null): string | null => (value === null ? null : Array.isArray(value) ? value.join(',') : value.toString());
  const changes: { field: string; oldValue: string | null; newValue: string | null }[] = HISTORY_FIELDS.filter((field) => text(before[field]) !== text(after[field])).map((field) => ({
    field,
    oldValue: text(before[field]),
    newValue: text(after[field]),
  }));
  const inszChanged = (before.inszEncrypted === null) !== (after.inszEncrypted === null) || (before.inszEncrypted !== null && after.inszEncrypted !== null && !before.inszEncrypted.equals(after.inszEncrypted));
  if (inszChanged) changes.push({ field: 'insz', oldValue: before.inszEncrypted ? '(recorded)' : null, newValue: after.inszEncrypted ? '(changed)' : null });
  return changes;
}

function writable(input: CreateLearnerDto): Omit<LearnerWrite, 'inszEncrypted'> {
  return {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    dateOfBirth: input.dateOfBirth,
    gender: input.gender,
    email: input.email ?? null,
    phone: input.phone ?? null,
    postalCode: input.postalCode ?? null,
    municipality: input.municipality ?? null,
    nativeLanguage: input.nativeLanguage,
    dutchLevel: input.dutchLevel,
    educationLevel: input.educationLevel,
    employmentStatus: input.employmentStatus,
    targetGroups: input.targetGroups,
    referralSource: input.referralSource,
  };
}

function learnerCursor(cursor: string | undefined, searching: boolean): LearnerCursor | undefined {
  return searching
    ? readCursor(cursor, { s: /^\d+(\.\d+)?$/, id: UUID_PATTERN })
    : readCursor(cursor, { l: /^[\s\S]{1,100}$/, f: /^[\s\S]{1,100}$/, id: UUID_PATTERN });
}

function toConsentDto(row: ConsentRow): ConsentDto {
  return {
    id: row.id,
    purpose: row.purpose,
    partnerId: row.partnerId,
    textVersion: row.textVersion,
    givenAt: new Date(row.givenAt).toISOString(),
    registeredBy: row.registeredBy,
    withdrawnAt: row.withdrawnAt ? new Date(row.withdrawnAt).toISOString() : null,
    withdrawnBy: row.withdrawnBy,
  };
}
