import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../problem/domain-error.js';
import type { Principal, UserPrincipal } from './principal.js';

/** Who asked, from where: for audit events. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export function requestMeta(request: Request): RequestMeta {
  return { ip: request.ip ?? null, requestId: typeof request.id === 'string' ? request.id : null };
}

export const Meta = createParamDecorator((_data: unknown, context: ExecutionContext): RequestMeta =>
  requestMeta(context.switchToHttp().getRequest<Request>()),
);

/** The authenticated principal (set by the global JwtAuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
  if (!principal) throw DomainError.unauthenticated();
  return principal;
});

/** The signed-in person (routes for users only). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserPrincipal => {
  const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
  if (!principal) throw DomainError.unauthenticated();
  if (principal.kind !== 'user') throw DomainError.forbidden('This route is for people signed in with a user account.');
  return principal;
});
