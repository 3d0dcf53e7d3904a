import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_LISTS, codes, INDICATOR_GROUP_BY, INDICATOR_IDS, INDICATOR_MEASURES, type IndicatorId, type IndicatorMeasure } from '@leerwinkel/contracts';

export const INDICATOR_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type IndicatorFormat = (typeof INDICATOR_FORMATS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class IndicatorQueryDto {
  @ApiPropertyOptional({ description: 'First day of the period (ISO date); the period covers whole months. Default: 11 months before the current month.', example: '2026-01-01', format: 'date', maxLength: 10 })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be an ISO date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the period (ISO date), at most 10 years after `from`. Default: today.', example: '2026-12-31', format: 'date', maxLength: 10 })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be an ISO date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: codes(CODE_LISTS.caseKinds), description: 'Only cases of this kind.' })
  @IsOptional()
  @IsIn(codes(CODE_LISTS.caseKinds))
  kind?: string;

  @ApiPropertyOptional({ description: 'Breakdowns, comma-separated: `region`, `month` (totals are always included).', example: 'region', pattern: '^(region|month)(,(region|month))?$', maxLength: 12 })
  @IsOptional()
  @Matches(/^(region|month)(,(region|month))?$/, { message: 'groupBy must be region, month or region,month' })
  groupBy?: string;

  @ApiPropertyOptional({ enum: INDICATOR_FORMATS, description: 'json (default), csv or xlsx; or send the matching Accept header.' })
  @IsOptional()
  @IsIn(INDICATOR_FORMATS)
  format?: IndicatorFormat;
}

export class CentralIndicatorQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ description: 'Region slugs, comma-separated (default: all active regions).', example: 'west-vlaanderen,antwerpen', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  regions?: string;
}

export class IndicatorRowDto {
  @ApiProperty({ type: 'string', nullable: true, description: 'Region slug; null: all selected regions together.', example: 'west-vlaanderen' }) region!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "'YYYY-MM'; null: the whole period.", example: '2026-03' }) month!: string | null;
  @ApiProperty({ description: 'A code of the indicator\'s code list, `total`, or `all`.', example: 'guidance' }) category!: string;
  @ApiProperty({ enum: INDICATOR_MEASURES, example: 'count' }) measure!: IndicatorMeasure;
  @ApiProperty({ type: 'number', nullable: true, description: 'null when suppressed or not computable (a share of 0).', example: 42 }) value!: number | null;
  @ApiProperty({ description: 'Withheld to protect small numbers (central only).', example: false }) suppressed!: boolean;
}

export class IndicatorTableDto {
  @ApiProperty({ enum: INDICATOR_IDS, example: 'new_cases' }) id!: IndicatorId;
  @ApiProperty({ type: [IndicatorRowDto] }) rows!: IndicatorRowDto[];
}

export class IndicatorPeriodDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
}

export class IndicatorRegionDto {
  @ApiProperty({ example: 'west-vlaanderen' }) slug!: string;
  @ApiProperty({ example: 'Leerwinkel West-Vlaanderen' }) displayName!: string;
}

export class IndicatorReportDto {
  @ApiProperty({ type: IndicatorPeriodDto, description: 'The whole months covered.' }) period!: IndicatorPeriodDto;
  @ApiProperty({ type: [IndicatorRegionDto] }) regions!: IndicatorRegionDto[];
  @ApiProperty({ type: 'string', nullable: true, example: null }) kind!: string | null;
  @ApiProperty({ enum: INDICATOR_GROUP_BY, isArray: true, example: ['region'] }) groupBy!: string[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Counts from 1 to k−1 are suppressed (null: no suppression, a region\'s own figures).', example: 5 })
  suppressionK!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'The figures are as of this moment (the oldest refresh among the regions).' })
  refreshedAt!: string | null;
  @ApiProperty({ type: [IndicatorTableDto] }) indicators!: IndicatorTableDto[];
}

export class CaseloadRowDto {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ example: 'An Peeters' }) name!: string;
  @ApiProperty({ description: 'Open cases.', example: 23 }) open!: number;
  @ApiProperty({ example: 3 }) registered!: number;
  @ApiProperty({ example: 5 }) intake!: number;
  @ApiProperty({ example: 11 }) guidance!: number;
  @ApiProperty({ example: 4 }) followUp!: number;
}

export class RegionIndicatorReportDto extends IndicatorReportDto {
  @ApiProperty({ type: [CaseloadRowDto], description: 'Open cases per counsellor, now (never in central figures).' }) caseload!: CaseloadRowDto[];
}

export class IndicatorRefreshDto {
  @ApiProperty({ description: 'Regions recomputed.', example: 6 }) regions!: number;
  @ApiProperty({ description: 'Fact rows written.', example: 4615 }) factRows!: number;
  @ApiProperty({ example: 812 }) durationMs!: number;
}
