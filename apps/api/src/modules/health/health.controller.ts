import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth/access.decorators.js';
import { NotRateLimited } from '../../common/auth/throttling.js';
import { ApiProblemResponses } from '../../common/openapi/problem-responses.js';
import { HealthDto, LivenessDto } from './health.dto.js';

@Controller('health')
@ApiTags('health')
@Public()
@NotRateLimited()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the API is up and PostgreSQL answers' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblemResponses(503)
  getHealth(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database').withTimeout(2000)]);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency checked)' })
  @ApiOkResponse({ type: LivenessDto })
  getLiveness(): LivenessDto {
    return { status: 'ok' };
  }
}
