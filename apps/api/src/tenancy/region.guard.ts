import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isRegionSlug, ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../common/problem/domain-error.js';
import { RegionContext } from './region-context.js';
import { RegionRegistryRepository } from './region-registry.repository.js';

/**
 * Runs first on every region-scoped route: validates the `{region}` path segment, looks it up in the
 * registry and enters that region's context. A malformed slug never reaches SQL; an unknown or suspended
 * region is a 404.
 */
@Injectable()
export class RegionGuard implements CanActivate {
  constructor(
    private readonly registry: RegionRegistryRepository,
    private readonly context: RegionContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const slug = execution.switchToHttp().getRequest<Request>().params.region;
    if (!isRegionSlug(slug)) {
      throw new DomainError(
        ProblemCode.REGION_INVALID_SLUG,
        400,
        'Invalid region',
        'A region is named by lower-case letters, digits and hyphens (2 to 41 characters, starting with a letter).',
      );
    }
    const region = await this.registry.findActiveBySlug(slug);
    if (!region) {
      throw new DomainError(ProblemCode.REGION_NOT_FOUND, 404, 'Region not found', `There is no active region "${slug}".`);
    }
    this.context.enter(region);
    return true;
  }
}
