import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemCode } from '@leerwinkel/contracts';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../problem/domain-error.js';
import type { Principal } from './principal.js';

const LOGIN_THROTTLED = 'leerwinkel:login-throttled';
const WINDOW_MS = 60_000;

/** Sign-in routes: limited per IP and per account on top of the general limit. */
export const LoginThrottled = (): MethodDecorator => SetMetadata(LOGIN_THROTTLED, true);

/**
 * Fixed one-minute windows per key. In-process for now: with several API processes each counts on its own
 * (the effective limit multiplies by the number of processes); a PostgreSQL-backed store is planned for
 * the multi-process work.
 */
export class RateLimitWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts one hit; answers the seconds to wait when over `limit`, else 0. */
  hit(key: string, limit: number, now = Date.now()): number {
    const start = now - (now % WINDOW_MS);
    const window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 100_000) this.prune(start);
      this.windows.set(key, { start, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > limit ? Math.ceil((start + WINDOW_MS - now) / 1000) : 0;
  }

  /** What is left of `key`'s current window: requests still allowed and seconds until it ends. */
  state(key: string, limit: number, now = Date.now()): { remaining: number; resetSeconds: number } {
    const start = now - (now % WINDOW_MS);
    const window = this.windows.get(key);
    const used = window && window.start === start ? window.count : 0;
    return { remaining: Math.max(0, limit - used), resetSeconds: Math.ceil((start + WINDOW_MS - now) / 1000) };
  }

  private prune(currentStart: number): void {
    for (const [key, window] of this.windows) if (window.start !== currentStart) this.windows.delete(key);
  }
}

/**
 * Global, after authentication. Every request counts against its principal (a signed-in user or partner
 * client; anonymous requests against their IP) — generous and configurable, never per IP alone for
 * signed-in traffic, since many counsellors and partners share one address. Sign-in routes also count per
 * IP and per account. Every answer carries RateLimit-Limit / -Remaining / -Reset for the caller's own
 * window; over a limit: 429 problem+json with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new RateLimitWindows();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const limits = this.config.rateLimits;
    const own: [string, number] = [principalKey(request), limits.perPrincipalPerMinute];
    const checks: [string, number][] = [own];
    if (this.reflector.get<boolean | undefined>(LOGIN_THROTTLED, context.getHandler())) {
      checks.push([`login-ip:${request.ip ?? 'unknown'}`, limits.loginPerIpPerMinute], [accountKey(request), limits.loginPerAccountPerMinute]);
    }
    const wait = Math.max(...checks.map(([key, limit]) => this.windows.hit(key, limit)));
    const response = context.switchToHttp().getResponse<Response>();
    // The caller's own budget (IETF draft RateLimit header fields), so clients can pace themselves.
    const state = this.windows.state(...own);
    response.setHeader('ratelimit-limit', String(own[1]));
    response.setHeader('ratelimit-remaining', String(state.remaining));
    response.setHeader('ratelimit-reset', String(state.resetSeconds));
    if (wait > 0) {
      response.setHeader('retry-after', String(wait));
      throw new DomainError(ProblemCode.RATE_LIMITED, 429, 'Too many requests', `Slow down: retry after ${wait} seconds.`);
    }
    return true;
  }
}

function principalKey(request: Request): string {
  const principal = request.user as Principal | undefined;
  if (principal?.kind === 'user') return `user:${principal.userId}`;
  if (principal?.kind === 'client') return `client:${principal.clientId}`;
  return `ip:${request.ip ?? 'unknown'}`;
}

function accountKey(request: Request): string {
  const body = request.body as { email?: unknown; client_id?: unknown } | undefined;
  const account = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : typeof body?.client_id === 'string' ? body.client_id : '';
  return `login-account:${account.slice(0, 254)}`;
}
