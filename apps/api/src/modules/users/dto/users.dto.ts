import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CENTRAL_ROLES, type CentralRole, REGION_ROLES, type RegionRole } from '@leerwinkel/contracts';
import { OptionalInput, TextField } from '../../../common/openapi/fields.js';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';

export class InviteMemberDto {
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
  @TextField({ description: 'Name as shown to colleagues.', maxLength: 120, minLength: 1 }) displayName!: string;
  @ApiProperty({ enum: REGION_ROLES }) @IsIn(REGION_ROLES) role!: RegionRole;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'Member organisation of the region the person works for.' })
  @OptionalInput()
  @IsUUID()
  organisationId?: string;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: REGION_ROLES }) @OptionalInput() @IsIn(REGION_ROLES) role?: RegionRole;
  @ApiPropertyOptional({ enum: ['active', 'deactivated'], description: 'deactivated: no access to this region any more.' })
  @OptionalInput()
  @IsIn(['active', 'deactivated'])
  status?: 'active' | 'deactivated';
  @ApiPropertyOptional({ type: 'string', format: 'uuid', maxLength: 36, nullable: true })
  @ValidateIf((_o, value) => value !== null && value !== undefined)
  @IsUUID()
  organisationId?: string | null;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['invited', 'active', 'deactivated'], description: 'The account.' }) status!: 'invited' | 'active' | 'deactivated';
  @ApiProperty({ enum: REGION_ROLES }) role!: RegionRole;
  @ApiProperty({ enum: ['active', 'deactivated'], description: 'The membership of this region.' }) membershipStatus!: 'active' | 'deactivated';
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) organisationName!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastLoginAt!: string | null;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class InvitationDto {
  @ApiProperty({ type: MemberDto }) member!: MemberDto;
  @ApiProperty({ type: 'string', nullable: true, description: 'One-time set-password link (for a new account); hand it to the person. Null when the account already had a password.' })
  invitationUrl!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) invitationExpiresAt!: string | null;
}

export class ListMembersQueryDto extends PageQueryDto {}

export class CreateCentralUserDto {
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
  @TextField({ description: 'Name as shown to colleagues.', maxLength: 120, minLength: 1 }) displayName!: string;
  @ApiProperty({ enum: CENTRAL_ROLES }) @IsIn(CENTRAL_ROLES) centralRole!: CentralRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ['active', 'deactivated'] }) @OptionalInput() @IsIn(['active', 'deactivated']) status?: 'active' | 'deactivated';
  @ApiPropertyOptional({ enum: CENTRAL_ROLES }) @OptionalInput() @IsIn(CENTRAL_ROLES) centralRole?: CentralRole;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['invited', 'active', 'deactivated'] }) status!: 'invited' | 'active' | 'deactivated';
  @ApiProperty({ enum: CENTRAL_ROLES, nullable: true, type: 'string' }) centralRole!: CentralRole | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) partnerId!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastLoginAt!: string | null;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class UserInvitationDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: 'string', nullable: true }) invitationUrl!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) invitationExpiresAt!: string | null;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationDto] }) items!: OrganisationDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class CreateOrganisationDto {
  @TextField({ description: 'Name of the member organisation.', maxLength: 200, minLength: 1 }) name!: string;
}
