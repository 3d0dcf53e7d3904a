import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/openapi/problem-responses.js';
import { RegionGuard } from './region.guard.js';

/** The route prefix of everything a region owns. */
export const REGION_ROUTE_PREFIX = 'v1/regions/:region';

/**
 * Declares a region-scoped controller under /api/v1/regions/{region}/<path>, guarded by RegionGuard
 * (members of that region; narrow a route with @RegionRoles('coordinator')).
 * Every controller whose routes contain `:region` must use this (a test checks it).
 */
export function RegionController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path ? `${REGION_ROUTE_PREFIX}/${path}` : REGION_ROUTE_PREFIX),
    UseGuards(RegionGuard),
    ApiTags(tag),
    ApiBearerAuth('user'),
    ApiProblemResponses(400, 401, 403, 404),
    ApiParam({
      name: 'region',
      description: 'Region slug, e.g. `west-vlaanderen`.',
      schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,40}$', maxLength: 41 },
    }),
  );
}
