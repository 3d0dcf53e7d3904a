import { Controller, Get, Headers, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CentralRoles, RegionRoles } from '../../common/auth/access.decorators.js';
import type { UserPrincipal } from '../../common/auth/principal.js';
import { CurrentUser, Meta, type RequestMeta } from '../../common/auth/request-meta.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { CurrentRegion } from '../../tenancy/current-region.decorator.js';
import { RegionController } from '../../tenancy/region-controller.decorator.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import { CentralIndicatorQueryDto, type IndicatorFormat, IndicatorQueryDto, IndicatorRefreshDto, IndicatorReportDto, RegionIndicatorReportDto } from './dto/indicator.dto.js';
import { CSV_TYPE, indicatorCsv, indicatorXlsx, XLSX_TYPE } from './indicator-export.js';
import { AuditService } from '../audit/audit.service.js';
import { IndicatorRefreshJob } from './indicator-refresh.job.js';
import { IndicatorsService } from './indicators.service.js';

/** The format asked for: `format`, else the Accept header, else JSON. */
function formatOf(format: IndicatorFormat | undefined, accept: string | undefined): IndicatorFormat {
  if (format) return format;
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  if (accept?.includes('text/csv')) return 'csv';
  return 'json';
}

async function answer<T extends IndicatorReportDto>(report: T, format: IndicatorFormat, name: string, res: Response): Promise<T | StreamableFile> {
  res.setHeader('Vary', 'Accept');
  if (format === 'json') return report;
  const file = `${name}-${report.period.from}-${report.period.to}.${format}`;
  const body = format === 'csv' ? Buffer.from(indicatorCsv(report), 'utf8') : await indicatorXlsx(report);
  return new StreamableFile(body, { type: format === 'csv' ? CSV_TYPE : XLSX_TYPE, disposition: `attachment; filename="${file}"` });
}

const DESCRIPTION =
  'Definitions in docs/indicators.md. Periods are whole months (Belgian time). Rows with region or month null are totals. ' +
  '`?format=csv|xlsx` (or Accept: text/csv / the xlsx type) returns the same rows as a file.';

@Controller('v1/central/indicators')
@ApiTags('indicators')
@CentralRoles('analyst', 'platform_admin')
export class CentralIndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Indicators over regions: aggregates only, small counts suppressed (every call is logged)', description: DESCRIPTION })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiOkResponse({ type: IndicatorReportDto })
  @ApiProblemResponses(400)
  async centralIndicators(
    @Query() query: CentralIndicatorQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() actor: UserPrincipal,
    @Meta() meta: RequestMeta,
  ): Promise<IndicatorReportDto | StreamableFile> {
    const report = await this.indicators.central(query);
    const format = formatOf(query.format, accept);
    await this.audit.record({ action: 'indicators.central.read', actorUserId: actor.userId, ...meta, details: { from: report.period.from, to: report.period.to, kind: report.kind, groupBy: report.groupBy, format, regions: report.regions.map((region) => region.slug) } });
    return answer(report, format, 'leerwinkel-indicatoren', res);
  }
}

/** Platform admins can bring the figures up to date now instead of waiting for the 10-minute job. */
@Controller('v1/admin/indicators/refresh')
@ApiTags('indicators')
@CentralRoles('platform_admin')
export class IndicatorRefreshController {
  constructor(private readonly job: IndicatorRefreshJob) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute the indicator facts of every active region now (normally every 10 minutes)' })
  @ApiOkResponse({ type: IndicatorRefreshDto })
  async refreshIndicators(): Promise<IndicatorRefreshDto> {
    const started = performance.now();
    const { regions, factRows } = await this.job.runCounted();
    return { regions, factRows, durationMs: Math.round(performance.now() - started) };
  }
}

@RegionController('indicators', 'indicators')
@RegionRoles('coordinator')
export class RegionIndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly registry: RegionRegistryRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The region's own indicators (not suppressed) and its caseload per counsellor", description: DESCRIPTION })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiOkResponse({ type: RegionIndicatorReportDto })
  async regionIndicators(
    @CurrentRegion() region: RegionRef,
    @Query() query: IndicatorQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegionIndicatorReportDto | StreamableFile> {
    const displayName = (await this.registry.findBySlug(region.slug))?.displayName ?? region.slug;
    return answer(await this.indicators.region({ ...region, displayName }, query), formatOf(query.format, accept), `indicatoren-${region.slug}`, res);
  }
}
