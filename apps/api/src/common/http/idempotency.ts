import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, from, map, type Observable, of, switchMap, throwError } from 'rxjs';
import type { DataSource } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../problem/domain-error.js';

const IDEMPOTENT = 'leerwinkel:idempotent';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** A key's first answer is replayed for 24 hours. */
const RETENTION = "interval '24 hours'";
/** A pending key older than this belongs to a request that died; the key may be used again. */
const ABANDONED = "interval '5 minutes'";

/** Marks a partner POST as idempotent with the `Idempotency-Key` header (optional, recommended for retries). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', pattern: KEY_PATTERN.source, maxLength: 255 },
      description: 'Any unique string (e.g. a UUID). Retrying with the same key and body returns the first answer without doing it again (24 h); the same key with another body is a 422.',
    }),
  );
}

/**
 * Idempotency for partner POSTs: the key is claimed before the request runs (a second concurrent request
 * gets 409), the 2xx answer is stored and replayed (`Idempotent-Replayed: true`); a failed request frees
 * the key so the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
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
        return next.handle().pipe(
          // Stored before the answer leaves, so a retry after a 2xx always finds it.
          switchMap((body: unknown) => from(this.store(principal, key, response.statusCode, body)).pipe(map(() => body))),
          catchError((error: unknown) => from(this.release(principal, key)).pipe(switchMap(() => throwError(() => error)))),
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
    const [existing] = await this.dataSource.query<{ request_hash: string; state: string; status_code: number | null; response: unknown }[]>(
      'SELECT request_hash, state, status_code, response FROM platform.idempotency_key WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    if (!existing) return this.claim(principal, key, hash);
    if (existing.request_hash !== hash) {
      throw new DomainError(ProblemCode.IDEMPOTENCY_KEY_REUSED, 422, 'Idempotency-Key reused', 'This Idempotency-Key was used with a different request; use a new key.');
    }
    if (existing.state === 'pending') {
      throw new DomainError(ProblemCode.IDEMPOTENCY_IN_PROGRESS, 409, 'Request in progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', undefined, undefined, {
        'retry-after': '1',
      });
    }
    return { kind: 'replay', statusCode: existing.status_code ?? 200, body: existing.response };
  }

  private async store(principal: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query("UPDATE platform.idempotency_key SET state = 'done', status_code = $3, response = $4 WHERE principal = $1 AND key = $2", [
      principal,
      key,
      statusCode,
      JSON.stringify(body ?? null),
    ]);
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
