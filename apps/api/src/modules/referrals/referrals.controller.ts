import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerAccess } from '../../common/auth/access.decorators.js';
import type { Principal, UserPrincipal } from '../../common/auth/principal.js';
import { CurrentPrincipal, CurrentUser } from '../../common/auth/request-meta.js';
import { Idempotent } from '../../common/http/idempotency.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import {
  CreateReferralDto,
  ListPartnerReferralsQueryDto,
  ListReferralsQueryDto,
  PartnerReferralDto,
  PartnerReferralPageDto,
  ReferralDto,
  ReferralPageDto,
  ReferralTransitionDto,
  RegionReferralTransitionDto,
} from './dto/referral.dto.js';
import { ReferralsService } from './referrals.service.js';

/** Referrals as the leerwinkel sends and follows them. */
@RegionController('', 'referrals')
export class RegionReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('cases/:caseId/referrals')
  @Idempotent()
  @ApiOperation({
    summary: 'Refer the learner of a case to a partner',
    description: "Needs the learner's active consent to share with that partner (409 REFERRAL.NO_SHARING_CONSENT); the partner gets only what `share` allows.",
  })
  @ApiCreatedResponse({ type: ReferralDto })
  @ApiProblemResponses(409)
  createReferral(
    @CurrentRegion() region: RegionRef,
    @UuidParam('caseId') caseId: string,
    @Body() body: CreateReferralDto,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<ReferralDto> {
    return this.referrals.create(region, caseId, body, actor);
  }

  @Get('cases/:caseId/referrals')
  @ApiOperation({ summary: 'The referrals of a case, newest first, page by page' })
  @ApiOkResponse({ type: ReferralPageDto })
  listCaseReferrals(@UuidParam('caseId') caseId: string, @Query() query: PageQueryDto): Promise<ReferralPageDto> {
    return this.referrals.listForCase(caseId, query);
  }

  @Get('referrals')
  @ApiOperation({ summary: "The region's referrals, newest first (overdue=true: unanswered past the answer date)" })
  @ApiOkResponse({ type: ReferralPageDto })
  listReferrals(@Query() query: ListReferralsQueryDto): Promise<ReferralPageDto> {
    return this.referrals.listForRegion(query);
  }

  @Get('referrals/:referralId')
  @ApiOperation({ summary: 'A referral with its history' })
  @ApiOkResponse({ type: ReferralDto })
  getReferral(@UuidParam('referralId') id: string): Promise<ReferralDto> {
    return this.referrals.getForRegion(id);
  }

  @Post('referrals/:referralId/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a referral, or record that the learner declined (with a reason)' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiProblemResponses(409)
  transitionReferral(@UuidParam('referralId') id: string, @Body() body: RegionReferralTransitionDto, @CurrentUser() actor: UserPrincipal): Promise<ReferralDto> {
    return this.referrals.transitionByRegion(id, body, actor);
  }
}

/** The partner API: referrals addressed to the calling partner, across all regions. */
@Controller('v1/partner/referrals')
@ApiTags('partner')
export class PartnerReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @PartnerAccess('referrals:read')
  @ApiOperation({ summary: 'Referrals addressed to you, by last change (use updatedSince to poll)' })
  @ApiOkResponse({ type: PartnerReferralPageDto })
  listPartnerReferrals(@CurrentPrincipal() principal: Principal, @Query() query: ListPartnerReferralsQueryDto): Promise<PartnerReferralPageDto> {
    return this.referrals.listForPartner(principal, query);
  }

  @Get(':referralId')
  @PartnerAccess('referrals:read')
  @ApiOperation({ summary: 'A referral addressed to you, with its history' })
  @ApiOkResponse({ type: PartnerReferralDto })
  @ApiProblemResponses(404)
  getPartnerReferral(@CurrentPrincipal() principal: Principal, @UuidParam('referralId') id: string): Promise<PartnerReferralDto> {
    return this.referrals.getForPartner(principal, id);
  }

  @Post(':referralId/transitions')
  @HttpCode(200)
  @PartnerAccess('referrals:write')
  @Idempotent()
  @ApiOperation({
    summary: 'Report on a referral: received, accepted, waitlisted, declined (reason), scheduled (startDate), enrolled, started, completed, dropped_out, no_show',
  })
  @ApiOkResponse({ type: PartnerReferralDto })
  @ApiProblemResponses(404, 409)
  transitionPartnerReferral(@CurrentPrincipal() principal: Principal, @UuidParam('referralId') id: string, @Body() body: ReferralTransitionDto): Promise<PartnerReferralDto> {
    return this.referrals.transitionByPartner(principal, id, body);
  }
}
