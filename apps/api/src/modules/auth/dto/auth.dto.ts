import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { CENTRAL_ROLES, REGION_ROLES } from '@leerwinkel/contracts';
import { ProblemDto } from '../../../common/openapi/problem-responses.js';

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'begeleider@west-vlaanderen.leerwinkel.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 200, example: 'Leerwinkel-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header.' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires; refresh before.' }) expiresIn!: number;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the invitation link.', maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: 'At least 12 characters, not a common password.', minLength: 12, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class MembershipDto {
  @ApiProperty({ example: 'west-vlaanderen' }) region!: string;
  @ApiProperty({ example: 'Leerwinkel West-Vlaanderen' }) regionName!: string;
  @ApiProperty({ enum: REGION_ROLES }) role!: (typeof REGION_ROLES)[number];
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) organisationName!: string | null;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: CENTRAL_ROLES, nullable: true, type: 'string' }) centralRole!: (typeof CENTRAL_ROLES)[number] | null;
  @ApiPropertyOptional({ type: 'string', format: 'uuid', nullable: true, description: 'Partner organisation of a partner user.' })
  partnerId!: string | null;
  @ApiProperty({ type: [MembershipDto] }) memberships!: MembershipDto[];
}

/** RFC 6749 §4.4.3 access token response. */
export class ClientTokenDto {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty() expires_in!: number;
  @ApiProperty({ description: 'Space-separated granted scopes.' }) scope!: string;
}

export const MAX_CLIENT_ID_LENGTH = 100;
export const MAX_CLIENT_SECRET_LENGTH = 200;
export const MAX_SCOPE_LENGTH = 200;

/** The form of `POST /api/v1/auth/token` (application/x-www-form-urlencoded); longer values are refused. */
export class ClientTokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'] }) grant_type!: string;
  @ApiPropertyOptional({ description: 'Or HTTP Basic authentication.', maxLength: MAX_CLIENT_ID_LENGTH }) client_id?: string;
  @ApiPropertyOptional({ description: 'Or HTTP Basic authentication.', maxLength: MAX_CLIENT_SECRET_LENGTH }) client_secret?: string;
  @ApiPropertyOptional({ description: 'Space-separated subset of the client\'s scopes.', maxLength: MAX_SCOPE_LENGTH, pattern: '^[a-z:]+( [a-z:]+)*$' }) scope?: string;
}

/** A refused token request: RFC 6749 §5.2 (`error`, `error_description`) on top of the problem fields, as application/json. */
export class OAuthErrorDto extends ProblemDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'], example: 'invalid_client' })
  error!: string;
  @ApiProperty({ example: 'Client authentication failed.' }) error_description!: string;
}
