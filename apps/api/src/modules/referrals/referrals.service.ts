import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { partnerOf } from '../../common/auth/partner-of.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import { EXACT_INSTANT, type PageQueryDto, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { PartnerUnitOfWork } from '../../tenancy/partner-unit-of-work.js';
import { type RegionRef, RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { UsersRepository } from '../identity/users.repository.js';
import { ConsentsRepository } from '../learners/consents.repository.js';
import { LearnersRepository } from '../learners/learners.repository.js';
import { assertMayProcess } from '../learners/learner-processing.js';
import { RegionSettingsRepository } from '../regions/region-settings.repository.js';
import { type OutboxEvent, WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type {
  CreateReferralDto,
  ListPartnerReferralsQueryDto,
  ListReferralsQueryDto,
  PartnerReferralDto,
  PartnerReferralPageDto,
  ReferralDto,
  ReferralEventDto,
  ReferralPageDto,
  ReferralTransitionDto,
  RegionReferralTransitionDto,
} from './dto/referral.dto.js';
import { allowedFor, checkReferralTransition, type ReferralActor, type ReferralStatus } from './referral-state-machine.js';
import { type ExchangeRow, type ReferralEventRow, type ReferralPacket, type RegionReferralRow, ReferralsRepository } from './referrals.repository.js';


/**
 * Referrals from a case to a partner, and the partner's side of the loop. Sending needs the learner's active
 * consent to share with that partner; the partner gets only the packet the counsellor chose to share.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly regionWork: RegionUnitOfWork,
    private readonly partnerWork: PartnerUnitOfWork,
    private readonly referrals: ReferralsRepository,
    private readonly cases: CasesRepository,
    private readonly learners: LearnersRepository,
    private readonly consents: ConsentsRepository,
    private readonly settings: RegionSettingsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly users: UsersRepository,
    private readonly registry: RegionRegistryRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  async create(region: RegionRef, caseId: string, input: CreateReferralDto, actor: UserPrincipal): Promise<ReferralDto> {
    const regionName = (await this.registry.findBySlug(region.slug))?.displayName ?? region.slug;
    const partner = await this.catalogue.find(input.partnerId);
    if (!partner || partner.status !== 'active' || (partner.ownerRegion !== null && partner.ownerRegion !== region.slug)) {
      throw DomainError.validation([{ field: 'partnerId', message: 'partnerId must be an active partner in the catalogue', rule: 'partnerExists' }]);
    }
    const offer = input.offerId ? await this.catalogue.findOffer(input.partnerId, input.offerId) : null;
    if (input.offerId && !offer) {
      throw DomainError.validation([{ field: 'offerId', message: 'offerId must be an offer of this partner', rule: 'offerOfPartner' }]);
    }
    const counsellorName = (await this.users.displayNames([actor.userId])).get(actor.userId) ?? actor.email;
    const id = randomUUID();
    const row = await this.regionWork.run(async (manager) => {
      const kase = await this.cases.findById(manager, caseId);
      if (!kase) throw DomainError.notFound('This case');
      const learner = await this.learners.findById(manager, kase.learnerId);
      if (!learner) throw DomainError.notFound('The learner of this case');
      await assertMayProcess(this.learners, manager, learner.id);
      const consentId = await this.consents.activeSharingWith(manager, learner.id, input.partnerId);
      if (!consentId) {
        throw new DomainError(
          ProblemCode.NO_SHARING_CONSENT,
          409,
          'No consent to share',
          `Record the learner's consent to share with ${partner.name} before referring.`,
        );
      }
      const packet: ReferralPacket = {
        region: { slug: region.slug, name: regionName },
        partner: { id: partner.id, name: partner.name },
        offer: offer ? { id: offer.id, name: offer.name } : null,
        learner: input.share.contactData ? { firstName: learner.firstName, lastName: learner.lastName, email: learner.email, phone: learner.phone } : null,
        learningQuestion: input.share.learningQuestion ? (kase.learningQuestion?.slice(0, 1000) ?? null) : null,
        educationLevel: input.share.educationLevel ? learner.educationLevel : null,
        dutchLevel: input.share.dutchLevel ? learner.dutchLevel : null,
        preferredStart: input.preferredStart ?? null,
        counsellor: { name: counsellorName, email: actor.email },
      };
      const days = (await this.settings.get(manager)).referralExpiryDays;
      await this.referrals.create(
        manager,
        { id, caseId, consentId, partnerId: input.partnerId, offerId: offer?.id ?? null, shared: { contactData: input.share.contactData, learningQuestion: input.share.learningQuestion, educationLevel: input.share.educationLevel, dutchLevel: input.share.dutchLevel }, createdBy: actor.userId },
        { regionId: region.id, packet, respondBy: new Date(Date.now() + days * 86_400_000) },
      );
      const created = await this.requireRegionReferral(manager, id);
      await this.outbox.add(manager, referralEvent('referral.created', created, null, 'region', created));
      return created;
    });
    return toRegionDto(row);
  }

  async listForCase(caseId: string, query: PageQueryDto): Promise<ReferralPageDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.regionWork.run(async (manager) => {
      if (!(await this.cases.findById(manager, caseId))) throw DomainError.notFound('This case');
      return this.referrals.listForCase(manager, caseId, query.limit + 1, after);
    });
    return toKeysetPage(rows, query.limit, (row) => toRegionDto(row), (row) => ({ t: row.sortKey, id: row.id }));
  }

  async listForRegion(query: ListReferralsQueryDto): Promise<ReferralPageDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.regionWork.run((manager) => this.referrals.listForRegion(manager, { status: query.status, overdue: query.overdue }, query.limit + 1, after));
    return toKeysetPage(rows, query.limit, (row) => toRegionDto(row), (row) => ({ t: row.sortKey, id: row.id }));
  }

  async getForRegion(id: string): Promise<ReferralDto> {
    const [row, events] = await this.regionWork.run(async (manager) => [await this.requireRegionReferral(manager, id), await this.referrals.events(manager, id)] as const);
    return toRegionDto(row, events);
  }

  /** The leerwinkel withdraws a referral or records that the learner declined. */
  async transitionByRegion(id: string, input: RegionReferralTransitionDto, actor: UserPrincipal): Promise<ReferralDto> {
    const row = await this.regionWork.run(async (manager) => {
      const current = await this.requireRegionReferral(manager, id, true);
      await this.move(manager, current, 'region', actor.userId, input);
      return this.requireRegionReferral(manager, id);
    });
    return toRegionDto(row);
  }

  async listForPartner(principal: Principal, query: ListPartnerReferralsQueryDto): Promise<PartnerReferralPageDto> {
    const after = readCursor(query.cursor, { t: EXACT_INSTANT, id: UUID_PATTERN });
    const rows = await this.partnerWork.run(partnerOf(principal), (manager) =>
      this.referrals.listForPartner(manager, { status: query.status, updatedSince: query.updatedSince }, query.limit + 1, after),
    );
    return toKeysetPage(rows, query.limit, (row) => toPartnerDto(row), (row) => ({ t: row.sortKey, id: row.id }));
  }

  async getForPartner(principal: Principal, id: string): Promise<PartnerReferralDto> {
    return this.partnerWork.run(partnerOf(principal), async (manager) => {
      const row = await this.referrals.findForPartner(manager, id);
      if (!row) throw DomainError.notFound('This referral');
      return toPartnerDto(row, await this.referrals.events(manager, id));
    });
  }

  async transitionByPartner(principal: Principal, id: string, input: ReferralTransitionDto): Promise<PartnerReferralDto> {
    return this.partnerWork.run(partnerOf(principal), async (manager) => {
      const current = await this.referrals.findForPartner(manager, id, true);
      if (!current) throw DomainError.notFound('This referral');
      await this.move(manager, current, 'partner', principal.kind === 'client' ? principal.clientId : principal.userId, input);
      const updated = await this.referrals.findForPartner(manager, id);
      if (!updated) throw DomainError.notFound('This referral');
      return toPartnerDto(updated);
    });
  }

  private async move(manager: EntityManager, current: ExchangeRow, actor: ReferralActor, actorId: string, input: ReferralTransitionDto | RegionReferralTransitionDto): Promise<void> {
    const to = input.to as ReferralStatus;
    const startDate = 'startDate' in input ? input.startDate : undefined;
    checkReferralTransition({ actor, from: current.status, to, reason: input.reason, startDate });
    const changed = await this.referrals.setStatus(manager, current.id, to, {
      startDate: startDate ?? null,
      declineReason: input.reason ?? null,
      declinedBy: to === 'declined' ? (actor === 'partner' ? 'provider' : 'learner') : null,
    });
    await this.referrals.recordEvent(manager, current.id, current.status, to, {
      actorKind: actor,
      actorId,
      reason: input.reason ?? null,
      note: input.note?.trim() || null,
      startDate: startDate ?? null,
    });
    await this.outbox.add(manager, referralEvent('referral.status_changed', { ...current, status: to }, current.status, actor, changed));
  }

  private async requireRegionReferral(manager: EntityManager, id: string, lock = false): Promise<RegionReferralRow> {
    const row = await this.referrals.findForRegion(manager, id, lock);
    if (!row) throw DomainError.notFound('This referral');
    return row;
  }
}

/** The outbox event of a new referral or a state change (ids and states only). */
export function referralEvent(
  type: 'referral.created' | 'referral.status_changed',
  row: ExchangeRow,
  previousStatus: ReferralStatus | null,
  changedBy: ReferralActor,
  changed: { version: number; updatedAt: Date },
): OutboxEvent {
  return {
    regionId: row.regionId,
    partnerId: row.partnerId,
    event: {
      type,
      data: {
        referral: {
          id: row.id,
          status: row.status,
          previousStatus,
          changedBy,
          region: { slug: row.packet.region.slug },
          partnerId: row.partnerId,
          version: changed.version,
          updatedAt: new Date(changed.updatedAt).toISOString(),
        },
      },
    },
  };
}

function base(row: ExchangeRow, actor: ReferralActor) {
  return {
    id: row.id,
    status: row.status,
    allowedTransitions: allowedFor(actor, row.status),
    packet: row.packet,
    startDate: row.startDate,
    declineReason: row.declineReason,
    declinedBy: row.declinedBy,
    sentAt: new Date(row.sentAt).toISOString(),
    respondBy: new Date(row.respondBy).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

function toEvents(events: ReferralEventRow[]): ReferralEventDto[] {
  return events.map((event) => ({ ...event, at: new Date(event.at).toISOString() }));
}

function toRegionDto(row: RegionReferralRow, events?: ReferralEventRow[]): ReferralDto {
  return {
    ...base(row, 'region'),
    caseId: row.caseId,
    partnerId: row.partnerId,
    offerId: row.offerId,
    overdue: (row.status === 'sent' || row.status === 'received') && new Date(row.respondBy).getTime() < Date.now(),
    shared: row.shared as unknown as ReferralDto['shared'],
    ...(events ? { events: toEvents(events) } : {}),
  };
}

function toPartnerDto(row: ExchangeRow, events?: ReferralEventRow[]): PartnerReferralDto {
  return { ...base(row, 'partner'), ...(events ? { events: toEvents(events) } : {}) };
}
