import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, from, map, type Observable, of, switchMap, throwError } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../problem/domain-error.js';

const IDEMPOTENT = 'leerwinkel:idempotent';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A key's first answer is replayed for 24 hours. */
const RETENTION = "interval '24 hours'";
/** A pending key older than this belongs to a request that died; the key may be used again. */
const ABANDONED = "interval '5 minutes'";
/** Storing an answer or freeing a key that failed (database gone) is retried this often, every second. */
const SETTLE_ATTEMPTS = 120;
const SETTLE_INTERVAL_MS = 1_000;

export interface Claim {
  principal: string;
  key: string;
}

/** The claimed key of the idempotent request being handled, for the units of work it runs. */
const claims = new AsyncLocalStorage<Claim>();

/** The key claimed by the idempotent request being handled, if any (read by the units of work). */
export function currentIdempotencyClaim(): Claim | undefined {
  return claims.getStore();
}

/** Marks the claimed key `committed` inside the transaction that commits the request's changes. */
export async function markIdempotencyCommitted(manager: EntityManager, claim: Claim): Promise<void> {
  await manager.query(
    "UPDATE platform.idempotency_key SET state = 'committed' WHERE principal = $1 AND key = $2 AND state = 'pending'",
    [claim.principal, claim.key],
  );
}

/** Marks a partner POST as idempotent with the `Idempotency-Key` header (optional, recommended for retries). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Any unique string (e.g. a UUID). Retrying with the same key and body returns the first answer without doing it again (24 h); the same key with another body is a 422.',
    }),
  );
}

/**
 * Idempotency for partner POSTs: the key is claimed before the request runs (a second concurrent request
 * gets 409), marked `committed` with the request's changes (see tenancy/idempotent-commit.ts), the 2xx answer is stored
 * and replayed (`Idempotent-Replayed: true`); a request that failed before committing frees the key so the
 * client can retry. When the database is gone at that point, storing or freeing is retried in the
 * background; the answer goes out meanwhile (a 2xx only when the changes committed).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean | undefined>(IDEMPOTENT, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw DomainError.validation([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters', rule: 'idempotencyKey' }]);
    }
    const principal = principalKey(request.user as Principal | undefined);
    const hash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    return from(this.claim(principal, key, hash)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') {
          response.status(claim.statusCode).setHeader('idempotent-replayed', 'true');
          return of(claim.body);
        }
        // next.handle() binds the handler to the current async context: the units of work see the claim.
        return claims
          .run({ principal, key }, () => next.handle())
          .pipe(
            // Stored before the answer leaves, so a retry after a 2xx finds it (unless storing fails: see settle).
            switchMap((body: unknown) =>
              from(this.settle('store', () => this.store(principal, key, response.statusCode, body))).pipe(
                map(() => body),
              ),
            ),
            catchError((error: unknown) =>
              from(this.settle('release', () => this.release(principal, key))).pipe(
                switchMap(() => throwError(() => error)),
              ),
            ),
          );
      }),
    );
  }

  private async claim(principal: string, key: string, hash: string): Promise<{ kind: 'run' } | { kind: 'replay'; statusCode: number; body: unknown }> {
    await this.dataSource.query(
      `DELETE FROM platform.idempotency_key WHERE principal = $1 AND key = $2
          AND (created_at < now() - ${RETENTION} OR (state = 'pending' AND created_at < now() - ${ABANDONED}))`,
      [principal, key],
    );
    const inserted = await this.dataSource.query<{ key: string }[]>(
      'INSERT INTO platform.idempotency_key (principal, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
      [principal, key, hash],
    );
    if (inserted.length > 0) return { kind: 'run' };
    const [existing] = await this.dataSource.query<
      { request_hash: string; state: string; status_code: number | null; response: unknown; fresh: boolean }[]
    >(
      `SELECT request_hash, state, status_code, response, created_at >= now() - ${ABANDONED} AS fresh FROM platform.idempotency_key WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    if (!existing) return this.claim(principal, key, hash);
    if (existing.request_hash !== hash) {
      throw new DomainError(ProblemCode.IDEMPOTENCY_KEY_REUSED, 422, 'Idempotency-Key reused', 'This Idempotency-Key was used with a different request; use a new key.');
    }
    if (existing.state === 'committed' && !existing.fresh) {
      throw new DomainError(
        ProblemCode.CONFLICT,
        409,
        'Answer lost',
        'The request with this Idempotency-Key was carried out, but its answer was lost; look the result up instead of retrying.',
      );
    }
    if (existing.state !== 'done') {
      throw new DomainError(
        ProblemCode.IDEMPOTENCY_IN_PROGRESS,
        409,
        'Request in progress',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
        undefined,
        undefined,
        {
          'retry-after': '1',
        },
      );
    }
    return { kind: 'replay', statusCode: existing.status_code ?? 200, body: existing.response };
  }

  /**
   * Runs `step` (storing the answer, or freeing the key); when the database is gone, keeps retrying it in the
   * background (every second, for two minutes) and lets the request answer meanwhile. A key left pending
   * frees itself after 5 minutes; a committed one is never done twice.
   */
  private async settle(what: 'store' | 'release', step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      this.logger.warn({ err: error }, `idempotency key: ${what} failed; retrying in the background`);
      this.retry(what, step, SETTLE_ATTEMPTS);
    }
  }

  private retry(what: string, step: () => Promise<void>, attemptsLeft: number): void {
    setTimeout(() => {
      if (!this.dataSource.isInitialized) return;
      step().catch(() => {
        if (attemptsLeft > 1) this.retry(what, step, attemptsLeft - 1);
        else this.logger.error(`idempotency key: ${what} kept failing; gave up`);
      });
    }, SETTLE_INTERVAL_MS).unref();
  }

  private async store(principal: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      "UPDATE platform.idempotency_key SET state = 'done', status_code = $3, response = $4 WHERE principal = $1 AND key = $2 AND state <> 'done'",
      [principal, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  private async release(principal: string, key: string): Promise<void> {
    await this.dataSource.query("DELETE FROM platform.idempotency_key WHERE principal = $1 AND key = $2 AND state = 'pending'", [principal, key]);
  }
}

function principalKey(principal: Principal | undefined): string {
  if (principal?.kind === 'client') return `client:${principal.clientId}`;
  if (principal?.kind === 'user') return `user:${principal.userId}`;
  return 'anonymous';
}
