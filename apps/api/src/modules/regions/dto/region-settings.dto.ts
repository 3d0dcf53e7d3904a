import { ApiProperty } from '@nestjs/swagger';
import { BooleanField, EmailField, IntField, PhoneField } from '../../../common/openapi/fields.js';

export class RegionSettingsDto {
  @ApiProperty({ description: 'Region slug.', example: 'west-vlaanderen' })
  region!: string;

  @ApiProperty({ description: "The leerwinkel's public contact e-mail.", type: 'string', format: 'email', nullable: true })
  contactEmail!: string | null;

  @ApiProperty({ description: "The leerwinkel's public phone number.", type: 'string', nullable: true })
  contactPhone!: string | null;

  @ApiProperty({ description: 'Days a partner has to answer a referral before it expires.', minimum: 1, maximum: 90 })
  referralExpiryDays!: number;

  @ApiProperty({ description: 'Whether this region records the national register number (INSZ), with a legal basis.' })
  inszEnabled!: boolean;

  @ApiProperty({ description: 'Months after closing an info case before its learner is anonymised (when all cases are past retention).', example: 12 })
  retentionInfoMonths!: number;

  @ApiProperty({ description: 'Months after closing a guidance case before anonymisation.', example: 60 })
  retentionGuidanceMonths!: number;

  @ApiProperty({ description: 'Last change.', type: 'string', format: 'date-time' })
  updatedAt!: string;
}

export class UpdateRegionSettingsDto {
  @EmailField({ description: "The leerwinkel's public contact e-mail; null clears it.", nullable: true, example: 'leerwinkel@example.be' })
  contactEmail?: string | null;

  @PhoneField({ description: "The leerwinkel's public phone number; null clears it.", nullable: true, example: '+32 50 12 34 56' })
  contactPhone?: string | null;

  @IntField({ description: 'Days a partner has to answer a referral before it expires.', optional: true, min: 1, max: 90 })
  referralExpiryDays?: number;

  @BooleanField({ description: 'Whether this region records the INSZ (requires a recorded legal basis).', optional: true })
  inszEnabled?: boolean;

  @IntField({ description: 'Retention after closing an info case, in months.', optional: true, min: 1, max: 240 })
  retentionInfoMonths?: number;

  @IntField({ description: 'Retention after closing a guidance case, in months.', optional: true, min: 1, max: 240 })
  retentionGuidanceMonths?: number;
}
