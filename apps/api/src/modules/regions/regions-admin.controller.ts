import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { REGION_SLUG_PATTERN } from '@leerwinkel/contracts';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentralRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { PatternParam } from '../../common/http/uuid-param.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { InvitationDto } from '../users/dto/users.dto.js';
import { CreateRegionDto, InviteCoordinatorDto, RegionAdminDto, RegionAdminPageDto } from './dto/admin-region.dto.js';
import { ListRegionsQueryDto } from './dto/region-summary.dto.js';
import { RegionsService } from './regions.service.js';

/** Platform admins provision regions and appoint their first coordinators. */
@Controller('v1/admin/regions')
@ApiTags('platform administration')
@CentralRoles('platform_admin')
@ApiProblemResponses(400, 404, 409)
export class RegionsAdminController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'Every region with status and schema version' })
  @ApiOkResponse({ type: RegionAdminPageDto })
  listAllRegions(@Query() query: ListRegionsQueryDto): Promise<RegionAdminPageDto> {
    return this.regions.listAll(query);
  }

  @Post()
  @ApiOperation({ summary: 'Provision a region: schema, role, grants and migrations in one transaction' })
  @ApiCreatedResponse({ type: RegionAdminDto })
  createRegion(@Body() body: CreateRegionDto, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<RegionAdminDto> {
    return this.regions.provision(body, actor, meta);
  }

  @Post(':slug/coordinators')
  @ApiOperation({ summary: 'Appoint a coordinator of a region (answers a set-password link for a new account)' })
  @ApiCreatedResponse({ type: InvitationDto })
  inviteCoordinator(
    @PatternParam('slug', REGION_SLUG_PATTERN, 41, 'a region slug') slug: string,
    @Body() body: InviteCoordinatorDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<InvitationDto> {
    return this.regions.inviteCoordinator(slug, body, actor, meta);
  }
}
