import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CODE_LISTS, REGION_SLUG_PATTERN } from '@leerwinkel/contracts';
import { CodeField, IntField, OptionalInput, TextField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

const WEBSITE_PATTERN = /^https?:\/\/\S{3,290}$/;
const REGION_SLUG_ITEM = { type: 'string', pattern: REGION_SLUG_PATTERN.source, maxLength: 41 };
const DATE_ITEM = { type: 'string', format: 'date', maxLength: 10 };

export class PartnerFieldsDto {
  @TextField({ description: 'Name of the organisation.', maxLength: 200, minLength: 1, example: 'CVO Brugge' }) name!: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Kind of organisation (default: other).', optional: true }) type?: string;
  @ApiPropertyOptional({ description: 'Belgian enterprise number (KBO), checked by mod 97.', example: '0203.561.230', type: 'string', nullable: true, maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  enterpriseNumber?: string | null;
  @ApiPropertyOptional({ description: 'Website (http or https).', type: 'string', nullable: true, pattern: WEBSITE_PATTERN.source, maxLength: 298 })
  @IsOptional()
  @Matches(WEBSITE_PATTERN, { message: 'website must be an http(s) address' })
  website?: string | null;
  @TextField({ description: 'What the organisation offers, in a few lines.', maxLength: 4000, nullable: true }) description?: string | null;
}

export class CreatePartnerDto extends PartnerFieldsDto {
  @ApiPropertyOptional({ description: 'Slugs of the regions the partner serves.', type: 'array', items: REGION_SLUG_ITEM, maxItems: 300 })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(REGION_SLUG_PATTERN, { each: true, message: 'regionsServed must hold region slugs' })
  regionsServed?: string[];
}

export class UpdatePartnerDto {
  @TextField({ description: 'Name.', maxLength: 200, minLength: 1, optional: true }) name?: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Kind of organisation.', optional: true }) type?: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) enterpriseNumber?: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, pattern: WEBSITE_PATTERN.source, maxLength: 298 }) @IsOptional() @Matches(WEBSITE_PATTERN, { message: 'website must be an http(s) address' }) website?: string | null;
  @TextField({ description: 'Description.', maxLength: 4000, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: 'array', items: REGION_SLUG_ITEM, maxItems: 300 })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(REGION_SLUG_PATTERN, { each: true, message: 'regionsServed must hold region slugs' })
  regionsServed?: string[];
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}

export class RegionRefDto {
  @ApiProperty({ example: 'west-vlaanderen' }) slug!: string;
  @ApiProperty({ example: 'Leerwinkel West-Vlaanderen' }) displayName!: string;
}

export class CataloguePartnerDto {
  @ApiProperty({ format: 'uuid', example: '9b2d3f1a-6c4e-4b8a-8f0d-2e7c5a1b9d33' }) id!: string;
  @ApiProperty({ example: 'CVO Brugge' }) name!: string;
  @ApiProperty({ example: 'cvo' }) type!: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
  @ApiProperty({ type: 'string', nullable: true, example: '0203.561.230' }) enterpriseNumber!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'https://www.cvo-brugge.example' }) website!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Centrum voor volwassenenonderwijs: Nederlands tweede taal, tweedekansonderwijs, talen, ICT en zorgopleidingen in Brugge en Oostende.',
  })
  description!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Set for a local partner: the region that added it.', example: 'west-vlaanderen' }) ownerRegion!: string | null;
  @ApiProperty({ type: [RegionRefDto] }) regionsServed!: RegionRefDto[];
  @ApiProperty({ example: 12 }) offerCount!: number;
  @ApiProperty({ example: 4 }) version!: number;
}

export class CataloguePartnerPageDto {
  @ApiProperty({ type: [CataloguePartnerDto] }) items!: CataloguePartnerDto[];
  @ApiProperty({ type: 'string', nullable: true, example: 'eyJuIjoiQ1ZPIEJydWdnZSIsImlkIjoiOWIyZDNmMWEtNmM0ZS00YjhhLThmMGQtMmU3YzVhMWI5ZDMzIn0' }) nextCursor!: string | null;
}

export class ListCatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only partners serving this region (slug).', pattern: REGION_SLUG_PATTERN.source, maxLength: 41 })
  @IsOptional()
  @Matches(REGION_SLUG_PATTERN, { message: 'region must be a region slug' })
  region?: string;
  @CodeField(CODE_LISTS.partnerTypes, { description: 'Only this kind of organisation.', optional: true }) type?: string;
  @ApiPropertyOptional({ description: 'Name contains (accents and case do not matter).', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class ListOffersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name contains (accents and case do not matter).', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class OfferLocationDto {
  @TextField({ description: 'Campus or place name.', maxLength: 200, minLength: 1, example: 'Campus Sint-Michiels' }) name!: string;
  @TextField({ description: 'Street and number.', maxLength: 200, optional: true, example: 'Rijselstraat 5' }) address?: string;
  @ApiPropertyOptional({ pattern: '^[0-9]{4}$', maxLength: 4, example: '8200' }) @OptionalInput() @Matches(/^[0-9]{4}$/, { message: 'postalCode must be 4 digits' }) postalCode?: string;
  @TextField({ description: 'Municipality.', maxLength: 100, optional: true, example: 'Brugge' }) municipality?: string;
}

export class OfferFieldsDto {
  @TextField({ description: 'Name of the course or service.', maxLength: 200, minLength: 1, example: 'Nederlands tweede taal — richtgraad 2' }) name!: string;
  @TextField({ description: 'Description.', maxLength: 4000, optional: true }) description?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'ISCED level it leads to.', optional: true }) iscedLevel?: string;
  @IntField({ description: 'EQF level (1–8).', optional: true, min: 1, max: 8 }) eqfLevel?: number;
  @ApiPropertyOptional({ description: 'Languages of instruction (ISO 639).', type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$', maxLength: 3 }, maxItems: 10, example: ['nl'] })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639 codes' })
  languages?: string[];
  @ApiPropertyOptional({ type: [OfferLocationDto], maxItems: 20 })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OfferLocationDto)
  locations?: OfferLocationDto[];
  @ApiPropertyOptional({ type: 'array', items: DATE_ITEM, maxItems: 50, description: 'Start dates (YYYY-MM-DD).' })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'startDates must be dates (YYYY-MM-DD)' })
  startDates?: string[];
  @ApiPropertyOptional({ description: 'Cost in euro (0 = free).', minimum: 0, maximum: 100000, type: 'number' })
  @OptionalInput()
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
  @ApiProperty({ format: 'uuid', example: '6e8a1d4c-5f2b-4c7e-b3a9-0d1f2e3c4b5a' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '9b2d3f1a-6c4e-4b8a-8f0d-2e7c5a1b9d33' }) partnerId!: string;
  @ApiProperty({ example: 'Tweedekansonderwijs — diploma secundair onderwijs' }) name!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Behaal je diploma secundair onderwijs in modules, overdag of op avond, met begeleiding op maat.' })
  description!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'isced_3' }) iscedLevel!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 4 }) eqfLevel!: number | null;
  @ApiProperty({ type: [String], example: ['nl'] }) languages!: string[];
  @ApiProperty({ type: [OfferLocationDto] }) locations!: OfferLocationDto[];
  @ApiProperty({ type: [String], example: ['2027-02-01', '2027-09-13'] }) startDates!: string[];
  @ApiProperty({ type: 'number', nullable: true, example: 0 }) costEur!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Gratis voor wie nog geen diploma secundair onderwijs heeft; cursusmateriaal ongeveer € 40.' })
  costNote!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Vanaf 18 jaar, zonder diploma secundair onderwijs.' }) eligibility!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Maak een afspraak voor een intakegesprek aan het onthaal van de campus; breng je identiteitskaart mee.' })
  howToApply!: string | null;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty({ example: 3 }) version!: number;
}

export class OfferListDto {
  @ApiProperty({ type: [OfferDto] }) items!: OfferDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.', example: null }) nextCursor!: string | null;
}

export class RegionLocalPartnerDto extends PartnerFieldsDto {}


export class UpdateOfferDto {
  @TextField({ description: 'Name.', maxLength: 200, minLength: 1, optional: true }) name?: string;
  @TextField({ description: 'Description.', maxLength: 4000, optional: true }) description?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'ISCED level.', optional: true }) iscedLevel?: string;
  @IntField({ description: 'EQF level.', optional: true, min: 1, max: 8 }) eqfLevel?: number;
  @ApiPropertyOptional({ type: 'array', items: DATE_ITEM, maxItems: 50 })
  @OptionalInput()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'startDates must be dates (YYYY-MM-DD)' })
  startDates?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 100000, type: 'number' }) @OptionalInput() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000) costEur?: number;
  @CodeField(CODE_LISTS.offerStatuses, { description: 'Registration status.', optional: true }) status?: string;
  @IntField({ description: 'The version this change is based on (or If-Match).', optional: true, min: 1, max: 2_147_483_647 }) version?: number;
}
