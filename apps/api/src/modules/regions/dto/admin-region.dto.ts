import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { REGION_SLUG_PATTERN } from '@leerwinkel/contracts';
import { TextField } from '../../../common/openapi/fields.js';

export class CreateRegionDto {
  @ApiProperty({ pattern: REGION_SLUG_PATTERN.source, maxLength: 41, example: 'gent-centrum' })
  @IsString()
  @Matches(REGION_SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and hyphens (2 to 41, starting with a letter)' })
  slug!: string;

  @TextField({ description: 'Name of the region as people know it.', maxLength: 120, minLength: 1, example: 'Leerwinkel Gent Centrum' })
  displayName!: string;
}

export class RegionAdminDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status!: 'active' | 'suspended';
  @ApiProperty({ description: 'Timestamp of the latest applied region migration.' }) schemaVersion!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegionAdminPageDto {
  @ApiProperty({ type: [RegionAdminDto] }) items!: RegionAdminDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class InviteCoordinatorDto {
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
  @TextField({ description: 'Name of the region as people know it.', maxLength: 120, minLength: 1 }) displayName!: string;
}
