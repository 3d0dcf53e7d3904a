import type { Problem } from '@leerwinkel/contracts';

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

/** An API answer that was not the one hoped for: the HTTP status and, when sent, the problem. */
export class ApiProblemError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${problem.title} (HTTP ${status})` : `HTTP ${status}`);
    this.name = 'ApiProblemError';
    this.status = status;
    this.problem = problem;
  }
}
