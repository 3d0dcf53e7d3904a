import { PatternParam, UuidParam } from '../../common/http/uuid-param.js';
import { CLIENT_ID_PATTERN } from '../../common/auth/token-hash.js';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentralRoles, PartnerAccess } from '../../common/auth/access.decorators.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import { CurrentPrincipal, CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { UserInvitationDto } from '../users/dto/users.dto.js';
import {
  ClientListDto,
  ClientSecretDto,
  CreateClientDto,
  InvitePartnerUserDto,
  ListPartnersQueryDto,
  PartnerIdentityDto,
  PartnerPageDto,
} from './dto/partners.dto.js';
import { PartnersService } from './partners.service.js';

/** Client ids: `lwc_` and random letters for new clients, readable names for the demo ones. */

/** Platform admins manage partner organisations, their API clients and partner users. */
@Controller('v1/admin/partners')
@ApiTags('platform administration')
@CentralRoles('platform_admin')
@ApiProblemResponses(400, 404, 409)
export class PartnersAdminController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOperation({ summary: 'Partner organisations' })
  @ApiOkResponse({ type: PartnerPageDto })
  listPartners(@Query() query: ListPartnersQueryDto): Promise<PartnerPageDto> {
    return this.partners.list(query.limit, query.cursor);
  }

  @Get(':partnerId/clients')
  @ApiOperation({ summary: "A partner's API clients, revoked ones included (never their secrets), oldest first, page by page" })
  @ApiOkResponse({ type: ClientListDto })
  listClients(@UuidParam('partnerId') partnerId: string, @Query() query: PageQueryDto): Promise<ClientListDto> {
    return this.partners.listClients(partnerId, query);
  }

  @Post(':partnerId/clients')
  @ApiOperation({ summary: 'Create an API client; the secret is in this answer only' })
  @ApiCreatedResponse({ type: ClientSecretDto })
  createClient(
    @UuidParam('partnerId') partnerId: string,
    @Body() body: CreateClientDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<ClientSecretDto> {
    return this.partners.createClient(partnerId, body, actor, meta);
  }

  @Post(':partnerId/clients/:clientId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the secret of an API client; the old one stops working at once' })
  @ApiOkResponse({ type: ClientSecretDto })
  rotateClientSecret(
    @UuidParam('partnerId') partnerId: string,
    @PatternParam('clientId', CLIENT_ID_PATTERN, 68, 'a client id (lwc_…)') clientId: string,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<ClientSecretDto> {
    return this.partners.rotateSecret(partnerId, clientId, actor, meta);
  }

  @Delete(':partnerId/clients/:clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API client (its tokens stop working at once)' })
  @ApiNoContentResponse()
  async revokeClient(
    @UuidParam('partnerId') partnerId: string,
    @PatternParam('clientId', CLIENT_ID_PATTERN, 68, 'a client id (lwc_…)') clientId: string,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.partners.revokeClient(partnerId, clientId, actor, meta);
  }

  @Post(':partnerId/users')
  @ApiOperation({ summary: 'Invite a person of the partner organisation (partner page users)' })
  @ApiCreatedResponse({ type: UserInvitationDto })
  invitePartnerUser(
    @UuidParam('partnerId') partnerId: string,
    @Body() body: InvitePartnerUserDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<UserInvitationDto> {
    return this.partners.invitePartnerUser(partnerId, body, actor, meta);
  }
}

/** What partner systems and partner users see of themselves. */
@Controller('v1/partner')
@ApiTags('partner')
export class PartnerSelfController {
  constructor(private readonly partners: PartnersService) {}

  @Get('me')
  @PartnerAccess()
  @ApiOperation({ summary: 'The calling partner organisation and the scopes held' })
  @ApiOkResponse({ type: PartnerIdentityDto })
  partnerMe(@CurrentPrincipal() principal: Principal): Promise<PartnerIdentityDto> {
    return this.partners.identity(principal);
  }
}
