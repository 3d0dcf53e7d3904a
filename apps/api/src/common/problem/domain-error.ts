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
  ) {
    super(detail ?? title);
    this.name = 'DomainError';
  }

  static validation(errors: ProblemFieldError[], detail = 'The request is not valid; see errors for each field.'): DomainError {
    return new DomainError(ProblemCode.VALIDATION_FAILED, 400, 'Validation failed', detail, errors);
  }
}
