import { Injectable } from '@nestjs/common';
import { ProblemCode } from '@leerwinkel/contracts';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { EXACT_INSTANT, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersRepository } from '../identity/users.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { isUniqueViolation } from '../users/users.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { CreateErasureRequestDto, ErasureRequestDto, ErasureRequestListDto, ListErasuresQueryDto } from './dto/privacy.dto.js';
import { type ErasureRequestRow, PrivacyRepository } from './privacy.repository.js';

/**
 * The right to erasure (GDPR Art. 17), four eyes: a coordinator requests it with a ground, another coordinator
 * confirms it. The confirmation erases the learner everywhere (region schema and exchange area) in one
 * transaction that also tells every partner that received something (`learner.erased`); what remains is the
 * request itself under a pseudonymous id — ground, who, when.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly regionWork: RegionUnitOfWork,
    private readonly privacy: PrivacyRepository,
    private readonly learners: LearnersRepository,
    private readonly outbox: WebhookOutbox,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
  ) {}

  async request(region: RegionRef, learnerId: string, input: CreateErasureRequestDto, actor: UserPrincipal, meta: RequestMeta): Promise<ErasureRequestDto> {
    const row = await this.regionWork.runIn(region, async (manager) => {
      const learner = await this.learners.findById(manager, learnerId);
      if (!learner) throw DomainError.notFound('This learner');
      if (await this.privacy.hasPendingErasure(manager, learnerId)) throw alreadyRequested();
      return this.privacy.createErasure(manager, learnerId, input.ground, input.note?.trim() || null, actor.userId);
    }).catch((error: unknown) => {
      // Two requests at once: the unique index on pending requests lets one through.
      throw isUniqueViolation(error) ? alreadyRequested() : error;
    });
    await this.audit.record({ action: 'learner.erasure.requested', actorUserId: actor.userId, targetType: 'learner', targetId: learnerId, regionId: region.id, ...meta, details: { ground: input.ground } });
    return (await this.toDtos([row]))[0] as ErasureRequestDto;
  }

  async list(region: RegionRef, query: ListErasuresQueryDto): Promise<ErasureRequestListDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.regionWork.runIn(region, (manager) => this.privacy.listErasures(manager, { status: query.status, learnerId: query.learnerId }, query.limit + 1, after));
    const page = toKeysetPage(rows, query.limit, (row) => row, (row) => ({ t: row.sortKey, id: row.id }));
    return { items: await this.toDtos(page.items), nextCursor: page.nextCursor };
  }

  async confirm(region: RegionRef, id: string, actor: UserPrincipal, meta: RequestMeta): Promise<ErasureRequestDto> {
    const row = await this.regionWork.runIn(region, async (manager) => {
      const request = await this.pending(manager, id);
      if (request.requestedBy === actor.userId) {
        throw new DomainError(ProblemCode.ERASURE_NEEDS_SECOND_PERSON, 409, 'A second coordinator must confirm', 'Another coordinator of this region must confirm the erasure you requested.');
      }
      const learnerId = request.learnerId ?? '';
      const erasedAt = new Date().toISOString();
      for (const [partnerId, shared] of await this.privacy.sharedWithPartners(manager, learnerId)) {
        await this.outbox.add(manager, {
          regionId: region.id,
          partnerId,
          event: { type: 'learner.erased', data: { erasure: { region: { slug: region.slug }, partnerId, erasedAt, ...shared } } },
        });
      }
      await this.privacy.erase(manager, learnerId);
      await this.privacy.decideErasure(manager, id, 'erased', actor.userId);
      const decided = await this.privacy.findErasure(manager, id);
      if (!decided) throw DomainError.notFound('This erasure request');
      return decided;
    });
    await this.audit.record({ action: 'learner.erased', actorUserId: actor.userId, targetType: 'erasure', targetId: row.pseudonym, regionId: region.id, ...meta, details: { ground: row.ground } });
    return (await this.toDtos([row]))[0] as ErasureRequestDto;
  }

  async cancel(region: RegionRef, id: string, actor: UserPrincipal, meta: RequestMeta): Promise<ErasureRequestDto> {
    const row = await this.regionWork.runIn(region, async (manager) => {
      await this.pending(manager, id);
      await this.privacy.decideErasure(manager, id, 'cancelled', actor.userId);
      const decided = await this.privacy.findErasure(manager, id);
      if (!decided) throw DomainError.notFound('This erasure request');
      return decided;
    });
    await this.audit.record({ action: 'learner.erasure.cancelled', actorUserId: actor.userId, targetType: 'erasure', targetId: id, regionId: region.id, ...meta });
    return (await this.toDtos([row]))[0] as ErasureRequestDto;
  }

  private async pending(manager: Parameters<PrivacyRepository['findErasure']>[0], id: string): Promise<ErasureRequestRow> {
    const request = await this.privacy.findErasure(manager, id, true);
    if (!request) throw DomainError.notFound('This erasure request');
    if (request.status !== 'pending' || !request.learnerId) {
      throw new DomainError(ProblemCode.CONFLICT, 409, 'Already decided', `This erasure request is ${request.status}.`);
    }
    return request;
  }

  /** The requests with the names of the people involved (one lookup for all). */
  private async toDtos(rows: Omit<ErasureRequestRow, 'sortKey'>[]): Promise<ErasureRequestDto[]> {
    const names = await this.users.displayNames([...new Set(rows.flatMap((row) => [row.requestedBy, ...(row.decidedBy ? [row.decidedBy] : [])]))]);
    return rows.map((row) => ({
      id: row.id,
      learnerId: row.learnerId,
      learnerName: row.learnerName,
      pseudonym: row.pseudonym,
      ground: row.ground,
      note: row.note,
      status: row.status,
      requestedBy: row.requestedBy,
      requestedByName: names.get(row.requestedBy) ?? null,
      requestedAt: new Date(row.requestedAt).toISOString(),
      decidedBy: row.decidedBy,
      decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
      decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    }));
  }
}

function alreadyRequested(): DomainError {
  return new DomainError(ProblemCode.CONFLICT, 409, 'Already requested', 'An erasure of this learner is already waiting for confirmation.');
}
