import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemCode } from '@leerwinkel/contracts';

export class ProblemFieldErrorDto {
  @ApiProperty({ example: 'contactEmail' }) field!: string;
  @ApiProperty({ example: 'contactEmail must be an email' }) message!: string;
  @ApiProperty({ example: 'isEmail' }) rule!: string;
}

export class ProblemCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: 'string', nullable: true }) municipality!: string | null;
}

/** RFC 9457 problem details, as every error of this API is sent (`application/problem+json`). */
export class ProblemDto {
  @ApiProperty({ example: 'urn:leerwinkel:problem:region.not-found' }) type!: string;
  @ApiProperty({ example: 'Region not found' }) title!: string;
  @ApiProperty({ example: 404 }) status!: number;
  @ApiPropertyOptional({ example: 'There is no active region "gent".' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/regions/gent/settings' }) instance?: string;
  @ApiProperty({ description: 'Stable machine-readable code (see docs/api.md).', enum: Object.values(ProblemCode), example: 'REGION.NOT_FOUND' }) code!: string;
  @ApiPropertyOptional({ description: 'Request id, also in the logs and the x-request-id header.' }) correlationId?: string;
  @ApiPropertyOptional({ type: [ProblemFieldErrorDto] }) errors?: ProblemFieldErrorDto[];
  @ApiPropertyOptional({ format: 'date-time', description: 'AUTH.ACCOUNT_LOCKED: when the account unlocks.' }) retryAfter?: string;
  @ApiPropertyOptional({ description: 'RESOURCE.STALE: the version now stored.' }) currentVersion?: number;
  @ApiPropertyOptional({ type: [ProblemCandidateDto], description: 'LEARNER.POSSIBLE_DUPLICATE: the similar learners.' }) candidates?: ProblemCandidateDto[];
  @ApiPropertyOptional({ description: 'CASE.INVALID_TRANSITION, REFERRAL.INVALID_TRANSITION: the current status.' }) from?: string;
  @ApiPropertyOptional({ description: 'CASE.INVALID_TRANSITION, REFERRAL.INVALID_TRANSITION: the status asked for.' }) to?: string;
  @ApiPropertyOptional({ type: [String], description: 'CASE.INVALID_TRANSITION, REFERRAL.INVALID_TRANSITION: the statuses allowed from the current one.' }) allowed?: string[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (problem+json, field errors in `errors`).',
  404: 'Not found (problem+json).',
  409: 'Conflict (problem+json).',
  413: 'Body too large (problem+json).',
  503: 'A dependency is unavailable (problem+json).',
};

/** Documents the problem+json answers of a controller or route. */
export function ApiProblemResponses(...statuses: number[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto, ProblemFieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem (problem+json).',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
