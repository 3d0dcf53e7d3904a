import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TextField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

/** The grounds of GDPR Art. 17(1) a region can erase on. */
export const ERASURE_GROUNDS = ['no_longer_necessary', 'consent_withdrawn', 'objection', 'unlawful_processing', 'legal_obligation', 'other'] as const;
export const ERASURE_STATUSES = ['pending', 'erased', 'cancelled'] as const;

export class UpcomingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Look ahead this many days (default 30).', minimum: 1, maximum: 366, example: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}

export class UpcomingAnonymisationDto {
  @ApiProperty({ format: 'uuid' }) learnerId!: string;
  @ApiProperty({ example: 'Samira El Amrani' }) name!: string;
  @ApiProperty({ example: 2 }) cases!: number;
  @ApiProperty({ format: 'date-time', description: 'From this moment the nightly job anonymises the learner.' }) anonymiseOn!: string;
}

export class UpcomingAnonymisationListDto {
  @ApiProperty({ type: [UpcomingAnonymisationDto] }) items!: UpcomingAnonymisationDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.' }) nextCursor!: string | null;
  @ApiProperty({ example: 12, description: 'Months after closing an info case.' }) retentionInfoMonths!: number;
  @ApiProperty({ example: 60, description: 'Months after closing a guidance case.' }) retentionGuidanceMonths!: number;
}

export class CreateErasureRequestDto {
  @ApiProperty({ enum: ERASURE_GROUNDS, description: 'The ground of GDPR Art. 17(1).', example: 'consent_withdrawn' })
  @IsIn(ERASURE_GROUNDS)
  ground!: string;
  @TextField({ description: 'How the request came in (no further personal data); removed at erasure.', maxLength: 1000, optional: true, example: 'Mondelinge vraag op 28/11.' })
  note?: string;
}

export class ErasureRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'null once erased.' }) learnerId!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The learner\'s name while the request is pending.' }) learnerName!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The pseudonymous id under which the fact of the erasure is kept.' }) pseudonym!: string;
  @ApiProperty({ enum: ERASURE_GROUNDS }) ground!: string;
  @ApiProperty({ type: 'string', nullable: true }) note!: string | null;
  @ApiProperty({ enum: ERASURE_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'An Peeters' }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class ErasureRequestListDto {
  @ApiProperty({ type: [ErasureRequestDto] }) items!: ErasureRequestDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.' }) nextCursor!: string | null;
}

export class ListErasuresQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ERASURE_STATUSES }) @IsOptional() @IsIn(ERASURE_STATUSES) status?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'Only the requests about this learner (while the learner exists).' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;
}

export class AccessExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'html'], description: 'json (default) or html: a readable document in Dutch (print it to PDF).' })
  @IsOptional()
  @IsIn(['json', 'html'])
  format?: 'json' | 'html';
}
