import { ProblemCode, type ProblemCodeValue, type ProblemFieldError } from '@leerwinkel/contracts';

/**
 * An error a client can act on. The global problem filter turns it into RFC 9457 problem+json with the
 * stable `code`; anything that is not a DomainError (or a Nest HttpException) becomes a 500 without details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCodeValue,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemFieldError[],
    readonly extensions?: Record<string, unknown>,
    /** Response headers (e.g. Retry-After, WWW-Authenticate). */
    readonly headers?: Record<string, string>,
    /** Media type other than problem+json, only where a standard demands it (OAuth2 token errors). */
    readonly mediaType?: string,
  ) {
    super(detail ?? title);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ProblemCode.NOT_FOUND, 404, 'Not found', `${what} does not exist or is not visible to you.`);
  }

  static forbidden(detail: string): DomainError {
    return new DomainError(ProblemCode.FORBIDDEN, 403, 'Forbidden', detail);
  }

  static unauthenticated(detail = 'Sign in first: send a valid access token as "Authorization: Bearer …".'): DomainError {
    return new DomainError(ProblemCode.UNAUTHENTICATED, 401, 'Not signed in', detail, undefined, undefined, {
      'www-authenticate': 'Bearer realm="leerwinkel"',
    });
  }

  static validation(errors: ProblemFieldError[], detail = 'The request is not valid; see errors for each field.'): DomainError {
    return new DomainError(ProblemCode.VALIDATION_FAILED, 400, 'Validation failed', detail, errors);
  }
}
