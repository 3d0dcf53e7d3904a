import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { CodeField, DateField, EmailField, IntField, OptionalInput, PhoneField, TextField, UuidField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

const LANGUAGE = '^([a-z]{2,3}|unknown|prefers_not_to_say|not_collected)$';
const LANGUAGE_MAX_LENGTH = 'prefers_not_to_say'.length;

/** The fields of a learner that a counsellor writes (create and update share them). */
export class LearnerFieldsDto {
  @TextField({ description: 'First name(s).', maxLength: 100, minLength: 1, example: 'Ayşe' }) firstName!: string;
  @TextField({ description: 'Last name.', maxLength: 100, minLength: 1, example: 'Çelik' }) lastName!: string;
  @DateField({ description: 'Date of birth; the learner is 16 to 110 years old.', age: { min: 16, max: 110 }, example: '1987-04-12' })
  dateOfBirth!: string;
  @CodeField(CODE_LISTS.genders, { description: 'Gender.', dataQuality: true }) gender!: string;
  @EmailField({ description: 'E-mail address.', nullable: true }) email?: string | null;
  @PhoneField({ description: 'Phone number.', nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ description: 'Belgian postal code.', pattern: '^[0-9]{4}$', maxLength: 4, nullable: true, type: 'string' })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: 'postalCode must be a Belgian postal code (4 digits)' })
  postalCode?: string | null;
  @TextField({ description: 'Municipality.', maxLength: 100, nullable: true }) municipality?: string | null;
  @ApiProperty({ description: 'Native language: ISO 639 code (nl, fr, ar, tr, …) or a data-quality code.', pattern: LANGUAGE, maxLength: LANGUAGE_MAX_LENGTH, example: 'tr' })
  @IsString()
  @Matches(new RegExp(LANGUAGE), { message: 'nativeLanguage must be an ISO 639 language code or a data-quality code' })
  nativeLanguage!: string;
  @CodeField(CODE_LISTS.dutchLevels, { description: 'Dutch level (CEFR).', dataQuality: true }) dutchLevel!: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'Highest education level (ISCED 2011).', dataQuality: true }) educationLevel!: string;
  @CodeField(CODE_LISTS.employmentStatuses, { description: 'Employment status.', dataQuality: true }) employmentStatus!: string;
  @CodeField(CODE_LISTS.targetGroups, { description: 'Target groups.', array: true }) targetGroups!: string[];
  @CodeField(CODE_LISTS.referralSources, { description: 'Who referred the learner.', dataQuality: true }) referralSource!: string;
  @ApiPropertyOptional({ description: 'National register number (INSZ), only where the region has enabled it; checked by mod 97.', nullable: true, type: 'string', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  insz?: string | null;
}

export class CreateLearnerDto extends LearnerFieldsDto {
  @ApiPropertyOptional({ description: 'Set after a duplicate warning (409) when this is a different person.' })
  @OptionalInput()
  @IsBoolean()
  confirmNewPerson?: boolean;
}

/** Only the fields sent change; `version` is the version the change was based on (or send If-Match). */
export class UpdateLearnerDto {
  @TextField({ description: 'First name(s).', maxLength: 100, minLength: 1, optional: true }) firstName?: string;
  @TextField({ description: 'Last name.', maxLength: 100, minLength: 1, optional: true }) lastName?: string;
  @DateField({ description: 'Date of birth.', age: { min: 16, max: 110 }, optional: true }) dateOfBirth?: string;
  @CodeField(CODE_LISTS.genders, { description: 'Gender.', dataQuality: true, optional: true }) gender?: string;
  @EmailField({ description: 'E-mail address.', nullable: true }) email?: string | null;
  @PhoneField({ description: 'Phone number.', nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ pattern: '^[0-9]{4}$', maxLength: 4, nullable: true, type: 'string' })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: 'postalCode must be a Belgian postal code (4 digits)' })
  postalCode?: string | null;
  @TextField({ description: 'Municipality.', maxLength: 100, nullable: true }) municipality?: string | null;
  @ApiPropertyOptional({ pattern: LANGUAGE, maxLength: LANGUAGE_MAX_LENGTH })
  @OptionalInput()
  @Matches(new RegExp(LANGUAGE), { message: 'nativeLanguage must be an ISO 639 language code or a data-quality code' })
  nativeLanguage?: string;
  @CodeField(CODE_LISTS.dutchLevels, { description: 'Dutch level (CEFR).', dataQuality: true, optional: true }) dutchLevel?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'Education level.', dataQuality: true, optional: true }) educationLevel?: string;
  @CodeField(CODE_LISTS.employmentStatuses, { description: 'Employment status.', dataQuality: true, optional: true }) employmentStatus?: string;
  @CodeField(CODE_LISTS.targetGroups, { description: 'Target groups.', array: true, optional: true }) targetGroups?: string[];
  @CodeField(CODE_LISTS.referralSources, { description: 'Referral source.', dataQuality: true, optional: true }) referralSource?: string;
  @ApiPropertyOptional({ nullable: true, type: 'string', maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) insz?: string | null;
  @IntField({ description: 'The version this change is based on (alternative to If-Match).', optional: true, min: 1, max: 2_147_483_647 })
  version?: number;
}

export class LearnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty() gender!: string;
  @ApiProperty({ type: 'string', nullable: true }) email!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) phone!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) postalCode!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) municipality!: string | null;
  @ApiProperty() nativeLanguage!: string;
  @ApiProperty() dutchLevel!: string;
  @ApiProperty() educationLevel!: string;
  @ApiProperty() employmentStatus!: string;
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty() referralSource!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked INSZ (birth-date part only); reveal with GET …/insz.', example: '85.07.30-***.**' })
  inszMasked!: string | null;
  @ApiProperty({ type: () => RestrictionDto, nullable: true, description: 'Set while processing is restricted (GDPR Art. 18): nothing can be changed.' })
  restriction!: RestrictionDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When the personal data was anonymised after the retention period.' })
  anonymisedAt!: string | null;
  @ApiProperty({ description: 'Optimistic-concurrency version; also the ETag.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RestrictionDto {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ example: 'De lerende betwist de juistheid van de gegevens.' }) reason!: string;
}

export class RestrictLearnerDto {
  @TextField({ description: 'Why processing is restricted (no further personal data).', maxLength: 500, minLength: 1, example: 'De lerende betwist de juistheid van de gegevens.' })
  reason!: string;
}

export class LearnerHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The field that was corrected (or `restriction`, `insz`).', example: 'lastName' }) field!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Janssen' }) oldValue!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Janssens' }) newValue!: string | null;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({ type: 'string', nullable: true }) changedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class LearnerHistoryDto {
  @ApiProperty({ type: [LearnerHistoryEntryDto] }) items!: LearnerHistoryEntryDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The cursor of the next page; null on the last one.' }) nextCursor!: string | null;
}

export class LearnerSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: 'string', nullable: true }) municipality!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Status of the most recent case.' }) latestCaseStatus!: string | null;
}

export class LearnerPageDto {
  @ApiProperty({ type: [LearnerSummaryDto] }) items!: LearnerSummaryDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ListLearnersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name search: accent- and case-insensitive, tolerant of typos and spacing.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @DateField({ description: 'Exact date of birth.', optional: true, notInFuture: true }) dateOfBirth?: string;
  @CodeField(CODE_LISTS.caseStatuses, { description: 'Learners with a case in this status.', optional: true }) caseStatus?: string;
  @UuidField({ description: 'Learners with a case of this counsellor.', optional: true }) counsellorId?: string;
}

export class InszDto {
  @ApiProperty({ description: 'The full national register number (this read is audited).' }) insz!: string;
}

