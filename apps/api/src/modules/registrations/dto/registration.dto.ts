import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { CodeField, DateField, EmailField, PhoneField, TextField, UuidField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

/** What a partner knows of the person it registers; the leerwinkel completes the rest at intake. */
export class RegistrationLearnerDto {
  @TextField({ description: 'First name(s).', maxLength: 100, minLength: 1, example: 'Olena' }) firstName!: string;
  @TextField({ description: 'Last name.', maxLength: 100, minLength: 1, example: 'Kovalenko' }) lastName!: string;
  @DateField({ description: 'Date of birth (16 to 110 years old).', age: { min: 16, max: 110 }, example: '1991-03-08' }) dateOfBirth!: string;
  @EmailField({ description: 'E-mail address.', optional: true, example: 'olena.kovalenko@voorbeeld.be' }) email?: string;
  @PhoneField({ description: 'Phone number.', optional: true, example: '+32 468 23 45 67' }) phone?: string;
  @ApiPropertyOptional({ pattern: '^[0-9]{4}$', maxLength: 4, example: '8000' }) @IsOptional() @Matches(/^[0-9]{4}$/, { message: 'postalCode must be a Belgian postal code (4 digits)' }) postalCode?: string;
  @TextField({ description: 'Municipality.', maxLength: 100, optional: true, example: 'Brugge' }) municipality?: string;
  @ApiPropertyOptional({ description: 'Native language (ISO 639).', pattern: '^[a-z]{2,3}$', maxLength: 3, example: 'uk' }) @IsOptional() @Matches(/^[a-z]{2,3}$/, { message: 'nativeLanguage must be an ISO 639 code' }) nativeLanguage?: string;
  @CodeField(CODE_LISTS.dutchLevels, { description: 'Dutch level, if known.', optional: true }) dutchLevel?: string;
  @CodeField(CODE_LISTS.educationLevels, { description: 'Highest education level, if known.', optional: true }) educationLevel?: string;
}

export class CreateRegistrationDto {
  @ApiProperty({ type: RegistrationLearnerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationLearnerDto)
  learner!: RegistrationLearnerDto;
  @TextField({ description: 'What the person asks for.', maxLength: 2000, optional: true, example: 'Wil Nederlands leren (nu niveau A2) en daarna een opleiding zorgkundige volgen.' })
  learningQuestion?: string;
  @TextField({
    description: "Your reference to the person's consent to be registered with the leerwinkel (form, date, version).",
    maxLength: 200,
    minLength: 1,
    example: 'Toestemmingsformulier v3, 2026-11-20',
  })
  consentReference!: string;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ type: RegistrationLearnerDto }) learner!: RegistrationLearnerDto;
  @ApiProperty({ type: 'string', nullable: true }) learningQuestion!: string | null;
  @ApiProperty() consentReference!: string;
  @ApiProperty({ enum: ['pending', 'accepted'] }) status!: 'pending' | 'accepted';
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) learnerId!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationDto] }) items!: RegistrationDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted'], description: 'Default: pending (the inbox).' })
  @IsOptional()
  @Matches(/^(pending|accepted)$/, { message: 'status must be pending or accepted' })
  status?: 'pending' | 'accepted';
}

export class AcceptRegistrationDto {
  @CodeField(CODE_LISTS.caseKinds, { description: 'Kind of case to open (default guidance).', optional: true }) kind?: string;
  @UuidField({ description: 'Attach to this existing learner instead of registering a new one.', optional: true }) existingLearnerId?: string;
  @ApiPropertyOptional({ description: 'After a duplicate warning (409): register a new person anyway.' }) @IsOptional() @IsBoolean() confirmNewPerson?: boolean;
}

export class AcceptedRegistrationDto {
  @ApiProperty({ type: RegistrationDto }) registration!: RegistrationDto;
  @ApiProperty({ format: 'uuid' }) learnerId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
}

export class PartnerRegistrationDto {
  @ApiProperty({ format: 'uuid', example: '7c4e2a91-0d3b-4f6e-8a15-3b9d6f2c1e08' }) id!: string;
  @ApiProperty({ enum: ['pending', 'accepted'] }) status!: 'pending' | 'accepted';
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:12:34.000Z' }) createdAt!: string;
}
