import { Body, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { RegionRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import { type RegionRef, RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { AccessExportService } from './access-export.service.js';
import {
  AccessExportQueryDto,
  CreateErasureRequestDto,
  ErasureRequestDto,
  ErasureRequestListDto,
  ListErasuresQueryDto,
  UpcomingAnonymisationListDto,
  UpcomingQueryDto,
} from './dto/privacy.dto.js';
import { ErasureService } from './erasure.service.js';
import { RetentionService } from './retention.service.js';

/** The data-protection duties of a region, for its coordinators: retention, access, erasure. */
@RegionController('', 'data protection')
@RegionRoles('coordinator')
export class PrivacyController {
  constructor(
    private readonly retention: RetentionService,
    private readonly access: AccessExportService,
    private readonly erasure: ErasureService,
    private readonly registry: RegionRegistryRepository,
  ) {}

  @Get('retention/upcoming')
  @ApiOperation({ summary: 'Learners the nightly retention job will anonymise in the coming days (default 30), soonest first, page by page' })
  @ApiOkResponse({ type: UpcomingAnonymisationListDto })
  upcomingAnonymisations(@CurrentRegion() region: RegionRef, @Query() query: UpcomingQueryDto): Promise<UpcomingAnonymisationListDto> {
    return this.retention.upcoming(region, query);
  }

  @Get('learners/:learnerId/access-export')
  @ApiOperation({ summary: 'Right of access (Art. 15): everything about one learner, as JSON or a readable Dutch HTML document (logged)' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: 'The export.', schema: { type: 'object', additionalProperties: true } })
  async accessExport(
    @CurrentRegion() region: RegionRef,
    @UuidParam('learnerId') id: string,
    @Query() query: AccessExportQueryDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object | string> {
    const displayName = (await this.registry.findBySlug(region.slug))?.displayName ?? region.slug;
    const exported = await this.access.export({ ...region, displayName }, id, actor, meta);
    const file = `inzage-${id}-${exported.generatedAt.slice(0, 10)}.${query.format === 'html' ? 'html' : 'json'}`;
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (query.format !== 'html') return exported;
    res.type('text/html; charset=utf-8');
    return this.access.html(exported);
  }

  @Post('learners/:learnerId/erasure-requests')
  @ApiOperation({ summary: 'Request the erasure of a learner (Art. 17); a second coordinator must confirm it' })
  @ApiCreatedResponse({ type: ErasureRequestDto })
  @ApiProblemResponses(409)
  requestErasure(
    @CurrentRegion() region: RegionRef,
    @UuidParam('learnerId') id: string,
    @Body() body: CreateErasureRequestDto,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<ErasureRequestDto> {
    return this.erasure.request(region, id, body, actor, meta);
  }

  @Get('erasure-requests')
  @ApiOperation({ summary: 'Erasure requests of the region, newest first (filter by status), page by page' })
  @ApiOkResponse({ type: ErasureRequestListDto })
  listErasureRequests(@CurrentRegion() region: RegionRef, @Query() query: ListErasuresQueryDto): Promise<ErasureRequestListDto> {
    return this.erasure.list(region, query);
  }

  @Post('erasure-requests/:requestId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an erasure (another coordinator than the requester): erases the learner everywhere and notifies partners' })
  @ApiOkResponse({ type: ErasureRequestDto })
  @ApiProblemResponses(409)
  confirmErasure(@CurrentRegion() region: RegionRef, @UuidParam('requestId') id: string, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<ErasureRequestDto> {
    return this.erasure.confirm(region, id, actor, meta);
  }

  @Post('erasure-requests/:requestId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending erasure request' })
  @ApiOkResponse({ type: ErasureRequestDto })
  @ApiProblemResponses(409)
  cancelErasure(@CurrentRegion() region: RegionRef, @UuidParam('requestId') id: string, @CurrentUser() actor: UserPrincipal, @Meta() meta: RequestMeta): Promise<ErasureRequestDto> {
    return this.erasure.cancel(region, id, actor, meta);
  }
}
