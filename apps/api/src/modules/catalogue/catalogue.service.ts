import { Injectable } from '@nestjs/common';
import { formatEnterpriseNumber, isValidEnterpriseNumber, normaliseEnterpriseNumber, ProblemCode } from '@leerwinkel/contracts';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { staleVersion } from '../../common/http/versioning.js';
import { encodeCursor, readCursor, toKeysetPage, UUID_PATTERN } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersRepository } from '../identity/users.repository.js';
import { isUniqueViolation } from '../users/users.service.js';
import { type CataloguePartnerRow, CatalogueRepository, type CatalogueScope, type OfferRow, type PartnerProfile } from './catalogue.repository.js';
import type {
  CataloguePartnerDto,
  CataloguePartnerPageDto,
  CreatePartnerDto,
  ListCatalogueQueryDto,
  ListOffersQueryDto,
  OfferDto,
  OfferFieldsDto,
  OfferListDto,
  PartnerFieldsDto,
  UpdatePartnerDto,
} from './dto/catalogue.dto.js';

/**
 * The partner catalogue: organisations and their offers. The support point curates central partners;
 * a region's coordinators add local partners that only that region sees.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(principal: UserPrincipal, query: ListCatalogueQueryDto): Promise<CataloguePartnerPageDto> {
    const after = readCursor(query.cursor, { n: /^[\s\S]{1,200}$/, id: UUID_PATTERN });
    const rows = await this.catalogue.list(await this.scope(principal), { regionSlug: query.region, type: query.type, q: query.q }, query.limit + 1, after);
    const items = rows.slice(0, query.limit).map(toPartnerDto);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ n: last.name, id: last.id }) : null };
  }

  async get(principal: UserPrincipal, id: string): Promise<CataloguePartnerDto> {
    return toPartnerDto(await this.visible(principal, id));
  }

  async offers(principal: UserPrincipal, partnerId: string, query: ListOffersQueryDto): Promise<OfferListDto> {
    const after = readCursor(query.cursor, { n: /^[\s\S]{1,200}$/, id: UUID_PATTERN });
    await this.visible(principal, partnerId);
    const rows = await this.catalogue.offers(partnerId, query.q, query.limit + 1, after);
    return toKeysetPage(rows, query.limit, toOfferDto, (row) => ({ n: row.name, id: row.id }));
  }

  /** A central partner (platform admins). */
  async createCentral(input: CreatePartnerDto, actor: UserPrincipal, meta: RequestMeta): Promise<CataloguePartnerDto> {
    const regions = await this.regionIds(input.regionsServed ?? []);
    const id = await this.create(input, null, regions, actor, meta);
    return this.get(actor, id);
  }

  /** A local partner of one region (its coordinators); it serves that region. */
  async createLocal(region: RegionRef, input: PartnerFieldsDto, actor: UserPrincipal, meta: RequestMeta): Promise<CataloguePartnerDto> {
    const id = await this.create(input, region.id, [region.id], actor, meta);
    const created = await this.catalogue.find(id);
    if (!created) throw DomainError.notFound('The new partner');
    return toPartnerDto(created);
  }

  async update(id: string, changes: UpdatePartnerDto, basedOn: number, actor: UserPrincipal, meta: RequestMeta): Promise<CataloguePartnerDto> {
    const current = await this.catalogue.find(id);
    if (!current) throw DomainError.notFound('This partner organisation');
    if (current.version !== basedOn) throw staleVersion(current.version);
    const regions = changes.regionsServed === undefined ? undefined : await this.regionIds(changes.regionsServed);
    const { version: _version, regionsServed: _regions, ...profile } = changes;
    await this.catalogue
      .transaction(async (manager) => {
        if (!(await this.catalogue.updatePartner(manager, id, profileOf(profile), basedOn))) throw staleVersion(current.version + 1);
        if (regions) await this.catalogue.setRegionsServed(manager, id, regions);
      })
      .catch(rethrowDuplicate);
    await this.audit.record({ action: 'partner.updated', actorUserId: actor.userId, targetType: 'partner', targetId: id, ...meta });
    return this.get(actor, id);
  }

  async addOffer(partnerId: string, input: OfferFieldsDto): Promise<OfferDto> {
    if (!(await this.catalogue.find(partnerId))) throw DomainError.notFound('This partner organisation');
    return toOfferDto(await this.catalogue.createOffer(partnerId, { ...offerOf(input), name: input.name.trim() }));
  }

  async updateOffer(partnerId: string, offerId: string, changes: Partial<OfferFieldsDto>, basedOn: number): Promise<OfferDto> {
    const current = await this.catalogue.findOffer(partnerId, offerId);
    if (!current) throw DomainError.notFound('This offer');
    if (current.version !== basedOn) throw staleVersion(current.version);
    if (!(await this.catalogue.updateOffer(offerId, offerOf(changes), basedOn))) throw staleVersion(current.version + 1);
    const updated = await this.catalogue.findOffer(partnerId, offerId);
    if (!updated) throw DomainError.notFound('This offer');
    return toOfferDto(updated);
  }

  private async create(input: PartnerFieldsDto, ownerRegionId: string | null, regionIds: string[], actor: UserPrincipal, meta: RequestMeta): Promise<string> {
    const id = await this.catalogue
      .transaction(async (manager) => {
        const created = await this.catalogue.createPartner(manager, { ...profileOf(input), name: input.name.trim(), type: input.type ?? 'other' } as PartnerProfile, ownerRegionId);
        await this.catalogue.setRegionsServed(manager, created, regionIds);
        return created;
      })
      .catch(rethrowDuplicate);
    await this.audit.record({ action: 'partner.created', actorUserId: actor.userId, targetType: 'partner', targetId: id, regionId: ownerRegionId, ...meta });
    return id;
  }

  /** Support point: everything; anyone else: central partners plus the local partners of their regions. */
  private async scope(principal: UserPrincipal): Promise<CatalogueScope> {
    if (principal.centralRole !== null) return { all: true };
    return { all: false, regionIds: (await this.users.memberships(principal.userId)).map((m) => m.regionId) };
  }

  private async visible(principal: UserPrincipal, id: string): Promise<CataloguePartnerRow> {
    const partner = await this.catalogue.find(id);
    const scope = await this.scope(principal);
    const ownerRegionId = partner?.ownerRegion ? (await this.catalogue.regionIds([partner.ownerRegion])).get(partner.ownerRegion) : undefined;
    if (!partner || (!scope.all && ownerRegionId !== undefined && !scope.regionIds.includes(ownerRegionId))) {
      throw DomainError.notFound('This partner organisation');
    }
    return partner;
  }

  private async regionIds(slugs: string[]): Promise<string[]> {
    const found = await this.catalogue.regionIds(slugs);
    const unknown = slugs.filter((slug) => !found.has(slug));
    if (unknown.length > 0) {
      throw DomainError.validation([{ field: 'regionsServed', message: `unknown regions: ${unknown.join(', ')}`, rule: 'regionExists' }]);
    }
    return [...found.values()];
  }
}

function profileOf(input: Partial<PartnerFieldsDto>): Partial<PartnerProfile> {
  let enterpriseNumber: string | null | undefined = input.enterpriseNumber;
  if (typeof enterpriseNumber === 'string' && enterpriseNumber.trim() !== '') {
    if (!isValidEnterpriseNumber(enterpriseNumber)) {
      throw DomainError.validation([{ field: 'enterpriseNumber', message: 'enterpriseNumber is not a valid Belgian enterprise number (mod 97)', rule: 'enterpriseNumber' }]);
    }
    enterpriseNumber = normaliseEnterpriseNumber(enterpriseNumber);
  } else if (enterpriseNumber === '') {
    enterpriseNumber = null;
  }
  return {
    ...(input.name === undefined ? {} : { name: input.name.trim() }),
    ...(input.type === undefined ? {} : { type: input.type }),
    ...(enterpriseNumber === undefined ? {} : { enterpriseNumber }),
    ...(input.website === undefined ? {} : { website: input.website }),
    ...(input.description === undefined ? {} : { description: input.description }),
  };
}

/** The stored fields of an offer from its DTO (only those present). */
function offerOf(input: Partial<OfferFieldsDto>): Partial<OfferRow> {
  return { ...input, ...(input.name === undefined ? {} : { name: input.name.trim() }) };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError(ProblemCode.CONFLICT, 409, 'Partner exists', 'A partner with this name or enterprise number already exists.');
  }
  throw error;
}

function toPartnerDto(row: CataloguePartnerRow): CataloguePartnerDto {
  return { ...row, enterpriseNumber: row.enterpriseNumber ? formatEnterpriseNumber(row.enterpriseNumber) : null };
}

function toOfferDto(row: OfferRow): OfferDto {
  return row;
}
