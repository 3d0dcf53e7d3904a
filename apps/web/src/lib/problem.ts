import type { Problem, ProblemFieldError } from '@leerwinkel/contracts';

/** True when `value` looks like an RFC 9457 problem+json body as the Leerwinkel API sends it. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    typeof value.type === 'string' &&
    'title' in value &&
    typeof value.title === 'string' &&
    'status' in value &&
    typeof value.status === 'number'
  );
}

/**
 * Seconds until a retry is allowed: the problem's `retryAfter` extension (an ISO time, sent with
 * AUTH.ACCOUNT_LOCKED) or else the Retry-After header (seconds or an HTTP date).
 */
function readRetryAfter(body: unknown, headers: Headers | undefined, now: number): number | undefined {
  if (typeof body === 'object' && body !== null && 'retryAfter' in body && typeof body.retryAfter === 'string') {
    const until = Date.parse(body.retryAfter);
    if (!Number.isNaN(until)) return Math.max(0, Math.ceil((until - now) / 1000));
  }
  const header = headers?.get('retry-after');
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** An API answer that was not the one hoped for: the HTTP status and, when sent, the problem. */
export class ApiProblemError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  /** Seconds to wait before trying again (429 answers), when the API said so. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: unknown, headers?: Headers, now = Date.now()) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${problem.title} (HTTP ${status})` : `HTTP ${status}`);
    this.name = 'ApiProblemError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = readRetryAfter(body, headers, now);
  }

  /** The problem's stable `code` (see ProblemCode), if the answer carried one. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** The field errors of a 400 answer (`errors`), empty when there are none. */
  get fieldErrors(): readonly ProblemFieldError[] {
    return this.problem?.errors ?? [];
  }
}

/**
 * A member of the problem body beyond the RFC 9457 basics (e.g. `candidates` of
 * LEARNER.POSSIBLE_DUPLICATE), unchecked: the caller checks its shape.
 */
export function problemMember(error: unknown, name: string): unknown {
  if (!(error instanceof ApiProblemError) || error.problem === undefined) return undefined;
  return (error.problem as unknown as Record<string, unknown>)[name];
}

/** The code of `error` when it is an API problem. */
export function problemCodeOf(error: unknown): string | undefined {
  return error instanceof ApiProblemError ? error.code : undefined;
}

/** Someone else saved first (412 RESOURCE.STALE), or the API did not know which version a change was based on (428). */
export function isOutdatedVersion(error: unknown): boolean {
  const code = problemCodeOf(error);
  return code === 'RESOURCE.STALE' || code === 'RESOURCE.VERSION_REQUIRED';
}
