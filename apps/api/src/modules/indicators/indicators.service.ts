import { Inject, Injectable } from '@nestjs/common';
import { isRegionSlug } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AnalyticsUnitOfWork } from '../../tenancy/analytics-unit-of-work.js';
import type { RegionRef } from '../../tenancy/region-registry.repository.js';
import { RegionUnitOfWork } from '../../tenancy/region-unit-of-work.js';
import { UsersRepository } from '../identity/users.repository.js';
import type { CaseloadRowDto, CentralIndicatorQueryDto, IndicatorQueryDto, IndicatorReportDto, RegionIndicatorReportDto } from './dto/indicator.dto.js';
import { type ActiveRegion, IndicatorFactsRepository } from './indicator-facts.repository.js';
import { IndicatorAnswerCache } from './indicator-answer-cache.js';
import { buildIndicatorTables } from './indicator-tables.js';

/** Limits that keep one request's work bounded. */
const MAX_MONTHS = 120;
const MAX_GROUPS = 1000;
const MAX_REGIONS = 500;
const EARLIEST = '2000-01-01';

interface Period {
  from: string;
  to: string;
  months: string[];
}

/**
 * The indicators: the support point's over any set of regions (aggregates read as the analytics role, small
 * cells suppressed) and a coordinator's for the own region (not suppressed, plus the caseload per counsellor).
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly analyticsWork: AnalyticsUnitOfWork,
    private readonly regionWork: RegionUnitOfWork,
    private readonly facts: IndicatorFactsRepository,
    private readonly users: UsersRepository,
    private readonly cache: IndicatorAnswerCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async central(query: CentralIndicatorQueryDto, today = new Date()): Promise<IndicatorReportDto> {
    const period = readPeriod(query, today);
    const groupBy = readGroupBy(query.groupBy);
    const asked = readRegionList(query.regions);
    if (asked) checkSize(period, groupBy, asked.length);
    return this.analyticsWork.run(async (manager) => {
      const active = await this.facts.activeRegions(manager);
      const regions = asked === undefined ? active : pickRegions(active, asked);
      checkSize(period, groupBy, regions.length);
      const regionIds = regions.map((region) => region.id);
      const { refreshedAt, version } = await this.facts.freshness(manager, regionIds);
      const key = JSON.stringify([regionIds, period.from, period.to, query.kind ?? null, groupBy, version]);
      const hit = this.cache.get(key);
      if (hit) return hit;
      const rows = await this.facts.sums(manager, { regionIds, from: period.from, to: period.to, kind: query.kind ?? null, byRegion: groupBy.includes('region'), byMonth: groupBy.includes('month') });
      const breakdown = { regions: groupBy.includes('region') ? regions.map((region) => region.slug) : [], months: groupBy.includes('month') ? period.months : [] };
      const built = report(period, regions, query.kind ?? null, groupBy, this.config.indicatorSuppressionK, refreshedAt, buildIndicatorTables(rows, breakdown, this.config.indicatorSuppressionK));
      this.cache.set(key, built);
      return built;
    });
  }

  async region(region: RegionRef & { displayName: string }, query: IndicatorQueryDto, today = new Date()): Promise<RegionIndicatorReportDto> {
    const period = readPeriod(query, today);
    const groupBy = readGroupBy(query.groupBy).filter((group) => group === 'month');
    checkSize(period, groupBy, 1);
    const [rows, refreshedAt] = await this.analyticsWork.run(async (manager) => [
      await this.facts.sums(manager, { regionIds: [region.id], from: period.from, to: period.to, kind: query.kind ?? null, byRegion: false, byMonth: groupBy.includes('month') }),
      (await this.facts.freshness(manager, [region.id])).refreshedAt,
    ] as const);
    const breakdown = { regions: [], months: groupBy.includes('month') ? period.months : [] };
    const tables = buildIndicatorTables(rows, breakdown, null);
    const caseload = await this.caseload(region);
    return Object.assign(report(period, [region], query.kind ?? null, groupBy, null, refreshedAt, tables), { caseload });
  }

  /** Recomputes one region's facts (in its own unit of work); answers the number of fact rows. */
  refresh(region: RegionRef): Promise<number> {
    return this.regionWork.runIn(region, (manager) => this.facts.refresh(manager, region.id));
  }

  private async caseload(region: RegionRef): Promise<CaseloadRowDto[]> {
    const rows = await this.regionWork.runIn(region, (manager) =>
      manager.query<{ counsellorId: string; status: string; n: number }[]>(
        "SELECT counsellor_id AS \"counsellorId\", status, count(*)::int AS n FROM guidance_case WHERE status <> 'closed' GROUP BY 1, 2",
      ),
    );
    const names = await this.users.displayNames([...new Set(rows.map((row) => row.counsellorId))]);
    const byCounsellor = new Map<string, CaseloadRowDto>();
    for (const row of rows) {
      let entry = byCounsellor.get(row.counsellorId);
      if (!entry) {
        entry = { counsellorId: row.counsellorId, name: names.get(row.counsellorId) ?? '—', open: 0, registered: 0, intake: 0, guidance: 0, followUp: 0 };
        byCounsellor.set(row.counsellorId, entry);
      }
      entry.open += row.n;
      if (row.status === 'registered') entry.registered += row.n;
      else if (row.status === 'intake') entry.intake += row.n;
      else if (row.status === 'guidance') entry.guidance += row.n;
      else entry.followUp += row.n;
    }
    return [...byCounsellor.values()].sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'nl'));
  }
}

function report(
  period: Period,
  regions: readonly { slug: string; displayName: string }[],
  kind: string | null,
  groupBy: string[],
  k: number | null,
  refreshedAt: Date | null,
  indicators: IndicatorReportDto['indicators'],
): IndicatorReportDto {
  return {
    period: { from: period.from, to: period.to },
    regions: regions.map(({ slug, displayName }) => ({ slug, displayName })),
    kind,
    groupBy,
    suppressionK: k,
    refreshedAt: refreshedAt ? new Date(refreshedAt).toISOString() : null,
    indicators,
  };
}

function invalid(field: string, message: string, rule: string): DomainError {
  return DomainError.validation([{ field, message, rule }]);
}

/** The whole months from `from` to `to` (defaults: the last 12 months up to today). */
export function readPeriod(query: { from?: string; to?: string }, today: Date): Period {
  const todayIso = today.toISOString().slice(0, 10);
  const defaultFrom = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  const from = query.from ?? defaultFrom;
  const to = query.to ?? todayIso;
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalid(field, `${field} must be a real calendar date`, 'date');
  }
  if (from > to) throw invalid('from', 'from must not be after to', 'period');
  if (from < EARLIEST) throw invalid('from', `from must be on or after ${EARLIEST}`, 'period');
  if (to > `${String(today.getUTCFullYear() + 1)}-12-31`) throw invalid('to', 'to must not be more than a year ahead', 'period');
  const months: string[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const last = to.slice(0, 7);
  while (cursor.toISOString().slice(0, 7) <= last) {
    months.push(cursor.toISOString().slice(0, 7));
    if (months.length > MAX_MONTHS) throw invalid('to', `a period may span at most ${String(MAX_MONTHS)} months`, 'period');
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { from: `${from.slice(0, 7)}-01`, to: end, months };
}

function readGroupBy(value: string | undefined): string[] {
  return value ? [...new Set(value.split(','))].sort() : [];
}

function readRegionList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const slugs = [...new Set(value.split(',').map((slug) => slug.trim()).filter(Boolean))];
  if (slugs.length > MAX_REGIONS) throw invalid('regions', `at most ${String(MAX_REGIONS)} regions`, 'regions');
  const malformed = slugs.filter((slug) => !isRegionSlug(slug));
  if (malformed.length > 0) throw invalid('regions', `not region slugs: ${malformed.slice(0, 5).join(', ')}`, 'regions');
  return slugs;
}

function pickRegions(active: readonly ActiveRegion[], slugs: readonly string[]): ActiveRegion[] {
  const bySlug = new Map(active.map((region) => [region.slug, region]));
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length > 0) throw invalid('regions', `unknown regions: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`, 'regions');
  return slugs.map((slug) => bySlug.get(slug) as ActiveRegion).sort((a, b) => a.slug.localeCompare(b.slug));
}

function checkSize(period: Period, groupBy: string[], regions: number): void {
  const groups = (groupBy.includes('region') ? regions + 1 : 1) * (groupBy.includes('month') ? period.months.length + 1 : 1);
  if (groups > MAX_GROUPS) {
    throw invalid('groupBy', `this breakdown has ${String(groups)} groups (regions × months); at most ${String(MAX_GROUPS)}: choose fewer regions or a shorter period`, 'size');
  }
}
