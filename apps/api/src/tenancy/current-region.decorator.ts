import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { RegionRef } from './region-registry.repository.js';

const REGION_KEY = 'leerwinkelRegion';

/** Stored by RegionGuard on the request as well as in the region context, for controllers that pass it on. */
export function rememberRegion(request: Request, region: RegionRef): void {
  (request as Request & { [REGION_KEY]?: RegionRef })[REGION_KEY] = region;
}

/** The region of a RegionGuard-protected route (from the registry, never from raw input). */
export const CurrentRegion = createParamDecorator((_data: unknown, context: ExecutionContext): RegionRef => {
  const region = (context.switchToHttp().getRequest<Request>() as Request & { [REGION_KEY]?: RegionRef })[REGION_KEY];
  if (!region) throw new Error('CurrentRegion used on a route without RegionGuard');
  return region;
});
