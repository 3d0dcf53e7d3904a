import { Injectable } from '@nestjs/common';
import { isRegionSlug, ProblemCode } from '@leerwinkel/contracts';
import type { UserPrincipal } from '../../common/auth/principal.js';
import type { RequestMeta } from '../../common/auth/request-meta.js';
import { cursorKey, toPage } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionProvisioning } from '../../tenancy/owner-data-source.js';
import type { RegionEntity } from '../../tenancy/region.entity.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { AuditService } from '../audit/audit.service.js';
import type { InvitationDto } from '../users/dto/users.dto.js';
import { UsersService } from '../users/users.service.js';
import type { CreateRegionDto, InviteCoordinatorDto, RegionAdminDto, RegionAdminPageDto } from './dto/admin-region.dto.js';
import type { ListRegionsQueryDto, RegionPageDto } from './dto/region-summary.dto.js';

@Injectable()
export class RegionsService {
  constructor(
    private readonly registry: RegionRegistryRepository,
    private readonly provisioning: RegionProvisioning,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListRegionsQueryDto): Promise<RegionPageDto> {
    const rows = await this.registry.listActive(query.limit + 1, cursorKey(query.cursor, 'slug'));
    return toPage(rows, query.limit, ({ slug, displayName }) => ({ slug, displayName }), 'slug', (region) => region.slug);
  }

  async listAll(query: ListRegionsQueryDto): Promise<RegionAdminPageDto> {
    const rows = await this.registry.listAll(query.limit + 1, cursorKey(query.cursor, 'slug'));
    return toPage(rows, query.limit, toAdminDto, 'slug', (region) => region.slug);
  }

  async provision(input: CreateRegionDto, actor: UserPrincipal, meta: RequestMeta): Promise<RegionAdminDto> {
    const provisioner = await this.provisioning.provisioner();
    const created = await provisioner.provision(input.slug, input.displayName);
    await this.audit.record({ action: 'region.created', actorUserId: actor.userId, targetType: 'region', targetId: created.id, regionId: created.id, ...meta, details: { slug: created.slug } });
    const region = await this.registry.findBySlug(created.slug);
    if (!region) throw DomainError.notFound('The new region');
    return toAdminDto(region);
  }

  async inviteCoordinator(slug: string, person: InviteCoordinatorDto, actor: UserPrincipal, meta: RequestMeta): Promise<InvitationDto> {
    const region = isRegionSlug(slug) ? await this.registry.findBySlug(slug) : null;
    if (!region || region.status !== 'active') {
      throw new DomainError(ProblemCode.REGION_NOT_FOUND, 404, 'Region not found', `There is no active region "${slug}".`);
    }
    return this.users.inviteMember(region, { email: person.email, displayName: person.displayName, role: 'coordinator' }, actor, meta);
  }
}

function toAdminDto(region: RegionEntity): RegionAdminDto {
  return {
    id: region.id,
    slug: region.slug,
    displayName: region.displayName,
    status: region.status,
    schemaVersion: region.schemaVersion,
    createdAt: region.createdAt.toISOString(),
  };
}
