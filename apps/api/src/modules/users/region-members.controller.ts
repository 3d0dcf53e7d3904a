import { UuidParam } from '../../common/http/uuid-param.js';
import { Body, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RegionRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import {
  CreateOrganisationDto,
  InvitationDto,
  InviteMemberDto,
  ListMembersQueryDto,
  MemberDto,
  MemberPageDto,
  OrganisationDto,
  OrganisationListDto,
  UpdateMemberDto,
} from './dto/users.dto.js';
import { UsersService } from './users.service.js';

/** Coordinators manage the people and member organisations of their region. */
@RegionController('', 'region administration')
export class RegionMembersController {
  constructor(private readonly users: UsersService) {}

  @Get('members')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: "The region's members (coordinators)" })
  @ApiOkResponse({ type: MemberPageDto })
  listMembers(@CurrentRegion() region: RegionRef, @Query() query: ListMembersQueryDto): Promise<MemberPageDto> {
    return this.users.listMembers(region, query.limit, query.cursor);
  }

  @Post('members')
  @RegionRoles('coordinator')
  @ApiOperation({
    summary: 'Invite a person to the region (coordinators)',
    description: 'Creates the account when it does not exist yet and answers a one-time set-password link to hand over.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  inviteMember(
    @CurrentRegion() region: RegionRef,
    @Body() body: InviteMemberDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<InvitationDto> {
    return this.users.inviteMember(region, body, actor, meta);
  }

  @Patch('members/:userId')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: "Change a member's role, organisation or deactivate the membership (coordinators)" })
  @ApiOkResponse({ type: MemberDto })
  updateMember(
    @CurrentRegion() region: RegionRef,
    @UuidParam('userId') userId: string,
    @Body() body: UpdateMemberDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<MemberDto> {
    return this.users.updateMember(region, userId, body, actor, meta);
  }

  @Get('organisations')
  @ApiOperation({ summary: "The region's member organisations by name, page by page" })
  @ApiOkResponse({ type: OrganisationListDto })
  listOrganisations(@CurrentRegion() region: RegionRef, @Query() query: PageQueryDto): Promise<OrganisationListDto> {
    return this.users.listOrganisations(region, query);
  }

  @Post('organisations')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: 'Add a member organisation to the region (coordinators)' })
  @ApiCreatedResponse({ type: OrganisationDto })
  createOrganisation(
    @CurrentRegion() region: RegionRef,
    @Body() body: CreateOrganisationDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<OrganisationDto> {
    return this.users.createOrganisation(region, body.name, actor, meta);
  }
}
