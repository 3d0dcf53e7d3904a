import { ApiProperty } from '@nestjs/swagger';
import { CODE_LISTS } from '@leerwinkel/contracts';
import { CodeField, DateTimeField, TextField, UuidField } from '../../../common/openapi/fields.js';

export class CreateConsentDto {
  @CodeField(CODE_LISTS.consentPurposes, { description: 'What the learner consents to.' }) purpose!: string;
  @UuidField({ description: 'The partner organisation, for purpose partner_sharing (and only then).', optional: true }) partnerId?: string;
  @TextField({ description: 'Version of the consent text shown to the learner.', maxLength: 40, minLength: 1, example: 'v1' }) textVersion!: string;
  @DateTimeField({ description: 'When the learner gave consent (default: now).', optional: true, notInFuture: true }) givenAt?: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) partnerId!: string | null;
  @ApiProperty() textVersion!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({ format: 'uuid' }) registeredBy!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) withdrawnBy!: string | null;
}

export class ConsentListDto {
  @ApiProperty({ type: [ConsentDto] }) items!: ConsentDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class AccessLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: 'string', nullable: true }) userName!: string | null;
  @ApiProperty({ format: 'date-time' }) accessedAt!: string;
  @ApiProperty({ type: [String], description: 'Which parts were read: profile, insz, consents, case.' }) parts!: string[];
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items!: AccessLogEntryDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
