import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../problem/domain-error.js';
import { databaseUnavailable } from '../problem/problem.filter.js';
import { ACCESS_METADATA, type AccessRule } from './access.decorators.js';

/** Global: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, principal: T | false, info: unknown): T {
    // A database that cannot be reached is not a reason to sign anyone out: 503, and the client retries.
    if (error instanceof DomainError || databaseUnavailable(error)) throw error;
    if (error || !principal) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw DomainError.unauthenticated(expired ? 'The access token has expired; refresh it or sign in again.' : undefined);
    }
    return principal;
  }
}
