import { Body, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { basedOnVersion, etag, IfMatch, ApiIfMatch } from '../../common/http/versioning.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { CasesService } from './cases.service.js';
import {
  ActionItemDto,
  ActionItemPageDto,
  CaseDto,
  CasePageDto,
  CaseTransitionPageDto,
  ContactDto,
  ContactPageDto,
  CreateActionItemDto,
  CreateCaseDto,
  CreateContactDto,
  CaseSensitiveDto,
  CreateOfferGapDto,
  OfferGapDto,
  OfferGapListDto,
  ListCasesQueryDto,
  TransitionDto,
  UpdateActionItemDto,
  UpdateCaseDto,
} from './dto/case.dto.js';

@RegionController('cases', 'cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOperation({ summary: 'Cases (mine=true: my caseload), overdue follow-ups first' })
  @ApiOkResponse({ type: CasePageDto })
  listCases(@Query() query: ListCasesQueryDto, @CurrentUser() actor: UserPrincipal): Promise<CasePageDto> {
    return this.cases.list(query, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Open a case (traject) for a learner; it starts as registered' })
  @ApiCreatedResponse({ type: CaseDto })
  createCase(@CurrentRegion() region: RegionRef, @Body() body: CreateCaseDto, @CurrentUser() actor: UserPrincipal): Promise<CaseDto> {
    return this.cases.create(region, body, actor);
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A case (the read is logged in the learner access log)' })
  @ApiOkResponse({ type: CaseDto })
  async getCase(@UuidParam('caseId') id: string, @CurrentUser() actor: UserPrincipal, @Res({ passthrough: true }) response: Response): Promise<CaseDto> {
    const found = await this.cases.get(id, actor);
    response.setHeader('etag', etag(found.version));
    return found;
  }

  @Patch(':caseId')
  @ApiOperation({ summary: 'Change the learning question, themes, barriers, goal, counsellor or organisation', description: 'If-Match (or version) required; 412 when stale.' })
  @ApiIfMatch()
  @ApiOkResponse({ type: CaseDto })
  @ApiProblemResponses(412, 428)
  async updateCase(
    @CurrentRegion() region: RegionRef,
    @UuidParam('caseId') id: string,
    @Body() body: UpdateCaseDto,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDto> {
    const updated = await this.cases.update(region, id, body, basedOnVersion(ifMatch, body.version));
    response.setHeader('etag', etag(updated.version));
    return updated;
  }

  @Get(':caseId/transitions')
  @ApiOperation({ summary: 'Every status change of the case (who, when, note)' })
  @ApiOkResponse({ type: CaseTransitionPageDto })
  listTransitions(@UuidParam('caseId') id: string, @Query() query: PageQueryDto): Promise<CaseTransitionPageDto> {
    return this.cases.transitions(id, query.limit, query.cursor);
  }

  @Post(':caseId/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the case to another status',
    description: 'Closing needs exitReason and objectivesMet; closing a guidance case plans the 3/6/12-month follow-ups when the learner consented to outcome follow-up. Reopening needs a note. 409 CASE.INVALID_TRANSITION otherwise.',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblemResponses(409)
  transitionCase(@UuidParam('caseId') id: string, @Body() body: TransitionDto, @CurrentUser() actor: UserPrincipal): Promise<CaseDto> {
    return this.cases.transition(id, body, actor);
  }

  @Get(':caseId/contacts')
  @ApiOperation({ summary: 'Conversations of the case, newest first' })
  @ApiOkResponse({ type: ContactPageDto })
  listContacts(@UuidParam('caseId') id: string, @Query() query: PageQueryDto): Promise<ContactPageDto> {
    return this.cases.contacts(id, query.limit, query.cursor);
  }

  @Post(':caseId/contacts')
  @ApiOperation({ summary: 'Record a conversation' })
  @ApiCreatedResponse({ type: ContactDto })
  addContact(@UuidParam('caseId') id: string, @Body() body: CreateContactDto, @CurrentUser() actor: UserPrincipal): Promise<ContactDto> {
    return this.cases.addContact(id, body, actor);
  }

  @Get(':caseId/sensitive')
  @ApiOperation({ summary: 'Special-category data of the case (health as a barrier): the case\'s counsellor and coordinators only; audited' })
  @ApiOkResponse({ type: CaseSensitiveDto })
  caseSensitive(@CurrentRegion() region: RegionRef, @UuidParam('caseId') id: string, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<CaseSensitiveDto> {
    return this.cases.sensitive(region, id, actor, meta);
  }

  @Get(':caseId/offer-gaps')
  @ApiOperation({ summary: '"No suitable offer" signals of the case, newest first, page by page' })
  @ApiOkResponse({ type: OfferGapListDto })
  listOfferGaps(@UuidParam('caseId') id: string, @Query() query: PageQueryDto): Promise<OfferGapListDto> {
    return this.cases.offerGaps(id, query);
  }

  @Post(':caseId/offer-gaps')
  @ApiOperation({ summary: 'Signal that no suitable offer exists for a theme (counted for the support point)' })
  @ApiCreatedResponse({ type: OfferGapDto })
  addOfferGap(@UuidParam('caseId') id: string, @Body() body: CreateOfferGapDto, @CurrentUser() actor: UserPrincipal): Promise<OfferGapDto> {
    return this.cases.addOfferGap(id, body, actor);
  }

  @Get(':caseId/action-items')
  @ApiOperation({ summary: 'The action plan and follow-ups' })
  @ApiOkResponse({ type: ActionItemPageDto })
  listActionItems(@UuidParam('caseId') id: string, @Query() query: PageQueryDto): Promise<ActionItemPageDto> {
    return this.cases.actionItems(id, query.limit, query.cursor);
  }

  @Post(':caseId/action-items')
  @ApiOperation({ summary: 'Add an action to the plan' })
  @ApiCreatedResponse({ type: ActionItemDto })
  addActionItem(@UuidParam('caseId') id: string, @Body() body: CreateActionItemDto): Promise<ActionItemDto> {
    return this.cases.addActionItem(id, body);
  }

  @Patch(':caseId/action-items/:itemId')
  @ApiOperation({ summary: 'Update an action or record a follow-up outcome', description: 'If-Match (or version) required; 412 when stale.' })
  @ApiIfMatch()
  @ApiOkResponse({ type: ActionItemDto })
  @ApiProblemResponses(412, 428)
  updateActionItem(
    @UuidParam('caseId') id: string,
    @UuidParam('itemId') itemId: string,
    @Body() body: UpdateActionItemDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<ActionItemDto> {
    return this.cases.updateActionItem(id, itemId, body, basedOnVersion(ifMatch, body.version));
  }
}
