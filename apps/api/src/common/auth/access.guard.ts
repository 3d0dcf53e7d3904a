import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../problem/domain-error.js';
import { ACCESS_METADATA, type AccessRule } from './access.decorators.js';
import type { Principal } from './principal.js';

/**
 * Global, after authentication: central routes need a central role, partner routes a partner principal with
 * the scopes, every other route a user (partner systems reach only partner routes). Region membership is
 * checked by RegionGuard, which knows the region.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;
    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    if (!principal) throw DomainError.unauthenticated();
    switch (rule?.kind) {
      case 'central':
        if (principal.kind === 'user' && principal.centralRole !== null && rule.roles.includes(principal.centralRole)) return true;
        throw DomainError.forbidden('This needs a role at the support point.');
      case 'partner': {
        if (principal.kind === 'user' && principal.partnerId !== null) return true;
        if (principal.kind === 'client' && rule.scopes.every((scope) => principal.scopes.includes(scope))) return true;
        throw DomainError.forbidden(
          principal.kind === 'client' ? `This needs the scopes: ${rule.scopes.join(', ')}.` : 'This is for partner organisations.',
        );
      }
      case 'region':
      case undefined:
        if (principal.kind === 'user') return true;
        throw DomainError.forbidden('Partner systems may only use the partner routes.');
    }
  }
}
