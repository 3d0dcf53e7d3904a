import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isRegionSlug, ProblemCode } from '@leerwinkel/contracts';
import { ACCESS_METADATA, type AccessRule } from '../common/auth/access.decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/problem/domain-error.js';
import { rememberRegion } from './current-region.decorator.js';
import { RegionContext } from './region-context.js';
import { RegionRegistryRepository } from './region-registry.repository.js';

/**
 * Runs first on every region-scoped route, after authentication and before any region work: validates the
 * `{region}` path segment (a malformed slug never reaches SQL), looks the region and the caller's
 * membership up in one query, refuses non-members (403) and members without the route's role, and enters
 * the region's context. An unknown or suspended region is a 404.
 */
@Injectable()
export class RegionGuard implements CanActivate {
  constructor(
    private readonly registry: RegionRegistryRepository,
    private readonly context: RegionContext,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<Request>();
    const slug = request.params.region;
    if (!isRegionSlug(slug)) {
      throw new DomainError(
        ProblemCode.REGION_INVALID_SLUG,
        400,
        'Invalid region',
        'A region is named by lower-case letters, digits and hyphens (2 to 41 characters, starting with a letter).',
      );
    }
    const principal = request.user as Principal | undefined;
    if (!principal) throw DomainError.unauthenticated();
    if (principal.kind !== 'user') throw DomainError.forbidden('Partner systems may only use the partner routes.');

    const found = await this.registry.findActiveWithRole(slug, principal.userId);
    if (!found) {
      throw new DomainError(ProblemCode.REGION_NOT_FOUND, 404, 'Region not found', `There is no active region "${slug}".`);
    }
    if (!found.role) throw DomainError.forbidden(`You are not a member of region "${slug}".`);
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [execution.getHandler(), execution.getClass()]);
    if (rule?.kind === 'region' && rule.roles.length > 0 && !rule.roles.includes(found.role)) {
      throw DomainError.forbidden(`This needs the role ${rule.roles.join(' or ')} in region "${slug}".`);
    }
    this.context.enter(found.region, found.role);
    rememberRegion(request, found.region);
    return true;
  }
}
