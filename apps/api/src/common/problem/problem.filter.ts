import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Problem, ProblemCode, type ProblemCodeValue } from '@leerwinkel/contracts';
import { DomainError } from './domain-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `urn:leerwinkel:problem:region.not-found` for `REGION.NOT_FOUND`; listed in docs/api.md. */
export function problemType(code: ProblemCodeValue): string {
  return `urn:leerwinkel:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/** Errors the body parser raises before any controller runs (http-errors with a `type`). */
const BODY_PARSER_ERRORS: Record<string, { code: ProblemCodeValue; title: string }> = {
  'entity.parse.failed': { code: ProblemCode.MALFORMED_BODY, title: 'Malformed request body' },
  'entity.too.large': { code: ProblemCode.BODY_TOO_LARGE, title: 'Request body too large' },
  'encoding.unsupported': { code: ProblemCode.UNSUPPORTED_MEDIA_TYPE, title: 'Unsupported content encoding' },
  'charset.unsupported': { code: ProblemCode.UNSUPPORTED_MEDIA_TYPE, title: 'Unsupported charset' },
};

/** Turns every error into RFC 9457 problem+json; internals never leave the process. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId, path: request.originalUrl }, 'request failed');
    }
    if (response.headersSent) return;
    const domain = exception instanceof DomainError ? exception : undefined;
    for (const [name, value] of Object.entries(domain?.headers ?? {})) response.setHeader(name, value);
    if (problem.status === 503 && !response.hasHeader('retry-after'))
      response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response
      .status(problem.status)
      .type(domain?.mediaType ?? PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): Problem & Record<string, unknown> {
    const instance = request.originalUrl.split('?')[0];
    const correlationId = typeof request.id === 'string' ? request.id : 'unknown';
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.status,
        ...(exception.detail === undefined ? {} : { detail: exception.detail }),
        instance,
        code: exception.code,
        correlationId,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...exception.extensions,
      };
    }
    if (databaseUnavailable(exception)) {
      return {
        type: problemType(ProblemCode.SERVICE_UNAVAILABLE),
        title: 'Service unavailable',
        status: 503,
        detail: `The database cannot be reached right now. Retry after ${String(RETRY_AFTER_SECONDS)} seconds, with the same Idempotency-Key, so that a request that did go through is not done twice.`,
        instance,
        code: ProblemCode.SERVICE_UNAVAILABLE,
        correlationId,
      };
    }
    const bodyError = bodyParserError(exception);
    if (bodyError) {
      return { type: problemType(bodyError.code), title: bodyError.title, status: bodyError.status, instance, code: bodyError.code, correlationId };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpCode(status);
      const body = exception.getResponse();
      const extensions = typeof body === 'object' && 'details' in body ? { details: body.details } : {};
      return {
        type: problemType(code),
        title: titleFor(status),
        status,
        detail: status === 404 ? `No route for ${request.method} ${instance ?? ''}.` : exception.message,
        instance,
        code,
        correlationId,
        ...extensions,
      };
    }
    return {
      type: problemType(ProblemCode.INTERNAL),
      title: 'Internal server error',
      status: 500,
      detail: `Something went wrong on our side. Quote correlation id ${correlationId} when you report it.`,
      instance,
      code: ProblemCode.INTERNAL,
      correlationId,
    };
  }
}

/** What a client should wait before retrying a 503 (PostgreSQL restarts and the pool reconnects within seconds). */
const RETRY_AFTER_SECONDS = 5;

/** Network errors of the driver (no connection, or it broke) — not a query's fault. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server that is going away or full (admin/crash shutdown, starting up, too many connections), or
 * too busy to finish in time (statement timeout; a deadlock or serialization failure, which the transaction
 * lost): retrying later is the client's right move, so they are a 503 with Retry-After, never a 500.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '40P01', '40001']);
/** node-postgres reports a broken or unobtainable connection with these messages only (no code). */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /connection error and is not queryable/,
];

/**
 * PostgreSQL is unreachable or going away (not a bug in the request): the query failed to get or keep a
 * connection. Looks through TypeORM's QueryFailedError (driverError) and error causes.
 */
export function databaseUnavailable(exception: unknown, depth = 0): boolean {
  if (typeof exception !== 'object' || exception === null || depth > 3) return false;
  const { code, message, name, driverError, cause } = exception as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  // TypeORM releases a transaction's connection when it breaks; the transaction's next query then fails so.
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  // No answer within the request pool's query deadline: the server is frozen or cut off (database/deadline-client.ts).
  if (name === 'QueryDeadlineError') return true;
  if (
    typeof code === 'string' &&
    (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  )
    return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return databaseUnavailable(driverError, depth + 1) || databaseUnavailable(cause, depth + 1);
}

/** Body-parser and URL errors, raw or as wrapped by Nest's Express adapter (BadRequestException with a cause). */
function bodyParserError(exception: unknown): { code: ProblemCodeValue; title: string; status: number } | undefined {
  const source = exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
  if (source instanceof URIError) return { code: ProblemCode.MALFORMED_URL, title: 'Malformed URL', status: 400 };
  if (typeof source !== 'object' || source === null || !('type' in source)) return undefined;
  const { type, status } = source as { type: unknown; status?: unknown };
  const known = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  return known ? { ...known, status: typeof status === 'number' ? status : 400 } : undefined;
}

/** Nest's own HttpExceptions (domain code throws DomainError): a bare 404 is Nest's "no route". */
function httpCode(status: number): ProblemCodeValue {
  if (status === 404) return ProblemCode.ROUTE_NOT_FOUND;
  if (status === 401) return ProblemCode.UNAUTHENTICATED;
  if (status === 403) return ProblemCode.FORBIDDEN;
  if (status === 429) return ProblemCode.RATE_LIMITED;
  if (status === 405) return ProblemCode.METHOD_NOT_ALLOWED;
  if (status === 415) return ProblemCode.UNSUPPORTED_MEDIA_TYPE;
  if (status === 413) return ProblemCode.BODY_TOO_LARGE;
  if (status === 503) return ProblemCode.SERVICE_UNAVAILABLE;
  return ProblemCode.HTTP_ERROR;
}

function titleFor(status: number): string {
  const name: string | undefined = HttpStatus[status];
  if (!name) return 'Error';
  const words = name.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
