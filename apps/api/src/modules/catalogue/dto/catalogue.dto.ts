import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CODE_LISTS, REGION_SLUG_PATTERN } from '@leerwinkel/contracts';
import { CodeField, IntField, TextField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

export class PartnerFieldsDto {
  @TextField({ description: 'Name of the organisation.', maxLength: 200, minLength: 1, example: 'CVO Brugge' }) name!: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Kind of organisation (default: other).', optional: true }) type?: string;
  @ApiPropertyOptional({ description: 'Belgian enterprise number (KBO), checked by mod 97.', example: '0203.561.230', type: 'string', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  enterpriseNumber?: string | null;
  @ApiPropertyOptional({ description: 'Website (http or https).', type: 'string', nullable: true })
  @IsOptional()
  @Matches(/^https?:\/\/\S{3,290}$/, { message: 'website must be an http(s) address' })
  website?: string | null;
  @TextField({ description: 'What the organisation offers, in a few lines.', maxLength: 4000, nullable: true }) description?: string | null;
}

export class CreatePartnerDto extends PartnerFieldsDto {
  @ApiPropertyOptional({ description: 'Slugs of the regions the partner serves.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(REGION_SLUG_PATTERN, { each: true, message: 'regionsServed must hold region slugs' })
  regionsServed?: string[];
}

export class UpdatePartnerDto {
  @TextField({ description: 'Name.', maxLength: 200, minLength: 1, optional: true }) name?: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Kind of organisation.', optional: true }) type?: string;
  @ApiPropertyOptional({ type: 'string', nullable: true }) @IsOptional() @IsString() @MaxLength(20) enterpriseNumber?: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true }) @IsOptional() @Matches(/^https?:\/\/\S{3,290}$/, { message: 'website must be an http(s) address' }) website?: string | null;
  @TextField({ description: 'Description.', maxLength: 4000, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(REGION_SLUG_PATTERN, { each: true, message: 'regionsServed must hold region slugs' })
  regionsServed?: string[];
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}

export class RegionRefDto {
  @ApiProperty() slug!: string;
  @ApiProperty() displayName!: string;
}

export class CataloguePartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
  @ApiProperty({ type: 'string', nullable: true, example: '0203.561.230' }) enterpriseNumber!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) website!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) description!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Set for a local partner: the region that added it.' }) ownerRegion!: string | null;
  @ApiProperty({ type: [RegionRefDto] }) regionsServed!: RegionRefDto[];
  @ApiProperty() offerCount!: number;
  @ApiProperty() version!: number;
}

export class CataloguePartnerPageDto {
  @ApiProperty({ type: [CataloguePartnerDto] }) items!: CataloguePartnerDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ListCatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only partners serving this region (slug).' })
  @IsOptional()
  @Matches(REGION_SLUG_PATTERN, { message: 'region must be a region slug' })
  region?: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Only this kind of organisation.', optional: true }) type?: string;
  @ApiPropertyOptional({ description: 'Name contains (accents and case do not matter).', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class OfferLocationDto {
  @TextField({ description: 'Campus or place name.', maxLength: 200, minLength: 1 }) name!: string;
  @TextField({ description: 'Street and number.', maxLength: 200, optional: true }) address?: string;
  @ApiPropertyOptional({ pattern: '^[0-9]{4}$' }) @IsOptional() @Matches(/^[0-9]{4}$/, { message: 'postalCode must be 4 digits' }) postalCode?: string;
  @TextField({ description: 'Municipality.', maxLength: 100, optional: true }) municipality?: string;
}

export class OfferFieldsDto {
  @TextField({ description: 'Name of the course or service.', maxLength: 200, minLength: 1, example: 'Nederlands tweede taal — richtgraad 2' }) name!: string;
  @TextField({ description: 'Description.', maxLength: 4000, optional: true }) description?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'ISCED level it leads to.', optional: true }) iscedLevel?: string;
  @IntField({ description: 'EQF level (1–8).', optional: true, min: 1, max: 8 }) eqfLevel?: number;
  @ApiPropertyOptional({ description: 'Languages of instruction (ISO 639).', type: [String], example: ['nl'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639 codes' })
  languages?: string[];
  @ApiPropertyOptional({ type: [OfferLocationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OfferLocationDto)
  locations?: OfferLocationDto[];
  @ApiPropertyOptional({ type: [String], format: 'date', description: 'Start dates (YYYY-MM-DD).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'startDates must be dates (YYYY-MM-DD)' })
  startDates?: string[];
  @ApiPropertyOptional({ description: 'Cost in euro (0 = free).', minimum: 0, maximum: 100000, type: 'number' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000)
  costEur?: number;
  @TextField({ description: 'Cost details (reductions, exemptions).', maxLength: 500, optional: true }) costNote?: string;
  @TextField({ description: 'Who can take part.', maxLength: 2000, optional: true }) eligibility?: string;
  @TextField({ description: 'How to apply.', maxLength: 2000, optional: true }) howToApply?: string;
  @CodeField(CODE_LISTS.offerStatuses, { description: 'Registration status.', optional: true }) status?: string;
}

export class OfferDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'string', nullable: true }) description!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) iscedLevel!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) eqfLevel!: number | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: [OfferLocationDto] }) locations!: OfferLocationDto[];
  @ApiProperty({ type: [String] }) startDates!: string[];
  @ApiProperty({ type: 'number', nullable: true }) costEur!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) costNote!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) eligibility!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) howToApply!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() version!: number;
}

export class OfferListDto {
  @ApiProperty({ type: [OfferDto] }) items!: OfferDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class RegionLocalPartnerDto extends PartnerFieldsDto {}


export class UpdateOfferDto {
  @TextField({ description: 'Name.', maxLength: 200, minLength: 1, optional: true }) name?: string;
  @TextField({ description: 'Description.', maxLength: 4000, optional: true }) description?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'ISCED level.', optional: true }) iscedLevel?: string;
  @IntField({ description: 'EQF level.', optional: true, min: 1, max: 8 }) eqfLevel?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'startDates must be dates (YYYY-MM-DD)' })
  startDates?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 100000, type: 'number' }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000) costEur?: number;
  @CodeField(CODE_LISTS.offerStatuses, { description: 'Registration status.', optional: true }) status?: string;
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}
