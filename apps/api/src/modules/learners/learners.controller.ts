import { Body, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { RegionRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { basedOnVersion, etag, IfMatch, ApiIfMatch } from '../../common/http/versioning.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { AccessLogPageDto, ConsentDto, ConsentListDto, CreateConsentDto } from './dto/consent.dto.js';
import { CreateLearnerDto, InszDto, LearnerDto, LearnerHistoryDto, LearnerPageDto, ListLearnersQueryDto, RestrictLearnerDto, UpdateLearnerDto } from './dto/learner.dto.js';
import { LearnersService } from './learners.service.js';

@RegionController('learners', 'learners')
export class LearnersController {
  constructor(private readonly learners: LearnersService) {}

  @Get()
  @ApiOperation({ summary: 'List or search learners', description: 'q searches names (accents, case, typos and spacing do not matter); filters combine.' })
  @ApiOkResponse({ type: LearnerPageDto })
  listLearners(@Query() query: ListLearnersQueryDto): Promise<LearnerPageDto> {
    return this.learners.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Register a learner',
    description: 'A similar name with the same date of birth answers 409 LEARNER.POSSIBLE_DUPLICATE with `candidates`; send confirmNewPerson: true for a different person.',
  })
  @ApiCreatedResponse({ type: LearnerDto })
  @ApiProblemResponses(409)
  createLearner(@Body() body: CreateLearnerDto, @CurrentUser() actor: UserPrincipal): Promise<LearnerDto> {
    return this.learners.create(body, actor);
  }

  @Get(':learnerId')
  @ApiOperation({ summary: "A learner's full record (the read is logged in the access log)" })
  @ApiOkResponse({ type: LearnerDto, headers: { ETag: { description: 'The version, for If-Match on updates.', schema: { type: 'string' } } } })
  async getLearner(@UuidParam('learnerId') id: string, @CurrentUser() actor: UserPrincipal, @Res({ passthrough: true }) response: Response): Promise<LearnerDto> {
    const learner = await this.learners.get(id, actor);
    response.setHeader('etag', etag(learner.version));
    return learner;
  }

  @Patch(':learnerId')
  @ApiOperation({ summary: 'Change a learner', description: 'Send If-Match with the ETag you read (or `version`); a stale change answers 412 and changes nothing.' })
  @ApiIfMatch()
  @ApiOkResponse({ type: LearnerDto })
  @ApiProblemResponses(412, 428)
  async updateLearner(
    @UuidParam('learnerId') id: string,
    @Body() body: UpdateLearnerDto,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<LearnerDto> {
    const learner = await this.learners.update(id, body, basedOnVersion(ifMatch, body.version), actor);
    response.setHeader('etag', etag(learner.version));
    return learner;
  }

  @Get(':learnerId/insz')
  @ApiOperation({ summary: 'Reveal the national register number (audited)' })
  @ApiOkResponse({ type: InszDto })
  revealInsz(@CurrentRegion() region: RegionRef, @UuidParam('learnerId') id: string, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<InszDto> {
    return this.learners.revealInsz(region, id, actor, meta);
  }

  @Get(':learnerId/consents')
  @ApiOperation({ summary: "The learner's consents, withdrawn ones included, newest first, page by page" })
  @ApiOkResponse({ type: ConsentListDto })
  listConsents(@UuidParam('learnerId') id: string, @Query() query: PageQueryDto, @CurrentUser() actor: UserPrincipal): Promise<ConsentListDto> {
    return this.learners.listConsents(id, query, actor);
  }

  @Post(':learnerId/consents')
  @ApiOperation({ summary: 'Record a consent (purpose, partner for sharing, text version shown)' })
  @ApiCreatedResponse({ type: ConsentDto })
  addConsent(@UuidParam('learnerId') id: string, @Body() body: CreateConsentDto, @CurrentUser() actor: UserPrincipal): Promise<ConsentDto> {
    return this.learners.addConsent(id, body, actor);
  }

  @Post(':learnerId/consents/:consentId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the withdrawal of a consent',
    description: 'A consent to share with a partner: no new referrals to it, the personal data leaves the packets sent under it, and the partner gets `consent.withdrawn`.',
  })
  @ApiOkResponse({ type: ConsentDto })
  withdrawConsent(
    @CurrentRegion() region: RegionRef,
    @UuidParam('learnerId') id: string,
    @UuidParam('consentId') consentId: string,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<ConsentDto> {
    return this.learners.withdrawConsent(region, id, consentId, actor);
  }

  @Get(':learnerId/history')
  @ApiOperation({ summary: 'Corrections of the learner\'s data (rectification history: old and new values), newest first, page by page' })
  @ApiOkResponse({ type: LearnerHistoryDto })
  learnerHistory(@UuidParam('learnerId') id: string, @Query() query: PageQueryDto): Promise<LearnerHistoryDto> {
    return this.learners.history(id, query);
  }

  @Post(':learnerId/restriction')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: 'Restrict processing (GDPR Art. 18): no changes, contacts or referrals until lifted (coordinators)' })
  @ApiCreatedResponse({ type: LearnerDto })
  @ApiProblemResponses(409)
  restrictLearner(
    @CurrentRegion() region: RegionRef,
    @UuidParam('learnerId') id: string,
    @Body() body: RestrictLearnerDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<LearnerDto> {
    return this.learners.restrict(region, id, body.reason.trim(), actor, meta);
  }

  @Delete(':learnerId/restriction')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: 'Lift the restriction of processing (coordinators)' })
  @ApiOkResponse({ type: LearnerDto })
  @ApiProblemResponses(409)
  liftRestriction(@CurrentRegion() region: RegionRef, @UuidParam('learnerId') id: string, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<LearnerDto> {
    return this.learners.restrict(region, id, null, actor, meta);
  }

  @Get(':learnerId/access-log')
  @RegionRoles('coordinator')
  @ApiOperation({ summary: "Who read this learner's record, when, and which parts (coordinators)" })
  @ApiOkResponse({ type: AccessLogPageDto })
  accessLog(@UuidParam('learnerId') id: string, @Query() query: PageQueryDto): Promise<AccessLogPageDto> {
    return this.learners.accessLog(id, query.limit, query.cursor);
  }
}
