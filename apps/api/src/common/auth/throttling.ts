import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemCode } from '@leerwinkel/contracts';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../problem/domain-error.js';
import type { Principal } from './principal.js';
import { RateLimitRepository } from './rate-limit.repository.js';

const LOGIN_THROTTLED = 'leerwinkel:login-throttled';
const WINDOW_MS = 60_000;

/** Sign-in routes: limited per IP and per account on top of the general limit. */
export const LoginThrottled = (): MethodDecorator => SetMetadata(LOGIN_THROTTLED, true);

const NOT_RATE_LIMITED = 'leerwinkel:not-rate-limited';

/**
 * Health probes: never counted. A load balancer probes every process from one address, so with counters shared by
 * all processes its probes would add up to the limit; and liveness must not depend on the database.
 */
export const NotRateLimited = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(NOT_RATE_LIMITED, true), ApiExtension(NOT_RATE_LIMITED_EXTENSION, true));

/** Marks such operations in the OpenAPI document, which then lists no 429 and no RateLimit headers for them. */
export const NOT_RATE_LIMITED_EXTENSION = 'x-not-rate-limited';

/**
 * Global, after authentication. Every request counts against its principal (a signed-in user or partner
 * client; anonymous requests against their IP) — generous and configurable, never per IP alone for
 * signed-in traffic, since many counsellors and partners share one address. Sign-in routes also count per
 * IP and per account. Every counted answer carries RateLimit-Limit / -Remaining / -Reset for the caller's own
 * window; over a limit: 429 problem+json with Retry-After. The counters are in PostgreSQL (fixed one-minute
 * windows), so the limits hold across all API processes.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimits');
  /** The last window in which this process pruned past windows (each process prunes once a minute). */
  private prunedWindow = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
    private readonly counters: RateLimitRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean | undefined>(NOT_RATE_LIMITED, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const limits = this.config.rateLimits;
    const own = principalKey(request);
    const ownLimit = own.startsWith('ip:') ? limits.anonymousPerIpPerMinute : limits.perPrincipalPerMinute;
    const checks: [string, number][] = [[own, ownLimit]];
    if (this.reflector.get<boolean | undefined>(LOGIN_THROTTLED, context.getHandler())) {
      checks.push([`login-ip:${request.ip ?? 'unknown'}`, limits.loginPerIpPerMinute], [accountKey(request), limits.loginPerAccountPerMinute]);
    }
    const hits = await this.count(checks);
    const response = context.switchToHttp().getResponse<Response>();
    // The caller's own budget (IETF draft RateLimit header fields), so clients can pace themselves.
    const counted = hits.find((hit) => hit.key === own);
    if (counted) {
      response.setHeader('ratelimit-limit', String(ownLimit));
      response.setHeader('ratelimit-remaining', String(Math.max(0, ownLimit - counted.hits)));
      response.setHeader('ratelimit-reset', String(counted.secondsLeft));
    }
    const over = new Map(checks);
    const wait = Math.max(0, ...hits.filter((hit) => hit.hits > (over.get(hit.key) ?? Infinity)).map((hit) => hit.secondsLeft));
    if (wait > 0) {
      response.setHeader('retry-after', String(wait));
      throw new DomainError(ProblemCode.RATE_LIMITED, 429, 'Too many requests', `Slow down: retry after ${wait} seconds.`);
    }
    return true;
  }

  /**
   * Counts the hits of every key in the current window. When PostgreSQL cannot count, the request goes on
   * (logged, no RateLimit headers): the limiter must not turn a database hiccup into refused requests on its
   * own — the request's own queries meet the same database anyway.
   */
  private async count(checks: [string, number][]): Promise<{ key: string; hits: number; secondsLeft: number }[]> {
    const window = Math.floor(Date.now() / WINDOW_MS);
    const prune = window !== this.prunedWindow;
    if (prune) this.prunedWindow = window;
    try {
      return await this.counters.hit(checks.map(([key]) => key), prune);
    } catch (error) {
      this.logger.error({ err: error }, 'rate limits could not be counted; request let through');
      return [];
    }
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
