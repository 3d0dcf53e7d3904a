import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEmail, IsIn, MaxLength } from 'class-validator';
import { PARTNER_SCOPES, type PartnerScope } from '@leerwinkel/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { TextField } from '../../../common/openapi/fields.js';

export class PartnerDto {
  @ApiProperty({ format: 'uuid', example: '9b2d3f1a-6c4e-4b8a-8f0d-2e7c5a1b9d33' }) id!: string;
  @ApiProperty({ example: 'CVO Brugge' }) name!: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
}

export class PartnerPageDto {
  @ApiProperty({ type: [PartnerDto] }) items!: PartnerDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ListPartnersQueryDto extends PageQueryDto {}

export class CreateClientDto {
  @TextField({ description: 'What the client is, for its owners.', maxLength: 120, minLength: 1, example: 'Student administration system' }) name!: string;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true, maxItems: PARTNER_SCOPES.length })
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes!: PartnerScope[];
}

export class ClientDto {
  @ApiProperty({ description: 'The OAuth2 client_id.' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) scopes!: PartnerScope[];
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: 'active' | 'revoked';
  @ApiProperty({ format: 'date-time' }) secretRotatedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ClientListDto {
  @ApiProperty({ type: [ClientDto] }) items!: ClientDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class ClientSecretDto {
  @ApiProperty({ type: ClientDto }) client!: ClientDto;
  @ApiProperty({ description: 'Shown once: store it safely. Only a hash is kept.' }) clientSecret!: string;
}

export class InvitePartnerUserDto {
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
  @TextField({ description: 'Name as shown to colleagues.', maxLength: 120, minLength: 1 }) displayName!: string;
}

export class PartnerIdentityDto {
  @ApiProperty({ type: PartnerDto }) partner!: PartnerDto;
  @ApiProperty({ enum: ['client', 'user'] }) principal!: 'client' | 'user';
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) scopes!: PartnerScope[];
}
