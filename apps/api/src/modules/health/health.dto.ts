import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Milliseconds the check took.' })
  responseTime?: number;
}

/** Checks by name, only those in one state: `error` is `{}` when all are up. */
export class HealthChecksDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto })
  database?: HealthIndicatorDto;
}

/** Every check by name. */
export class HealthDetailsDto {
  @ApiProperty({ type: HealthIndicatorDto })
  database!: HealthIndicatorDto;
}

/** The @nestjs/terminus answer, documented here so the contract does not depend on its swagger plugin. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: 'ok' | 'error' | 'shutting_down';

  @ApiPropertyOptional({ type: HealthChecksDto, description: 'Checks that are up.' })
  info?: HealthChecksDto;

  @ApiPropertyOptional({ type: HealthChecksDto, description: 'Checks that are down.' })
  error?: HealthChecksDto;

  @ApiProperty({ type: HealthDetailsDto, description: 'Every check.' })
  details!: HealthDetailsDto;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}
