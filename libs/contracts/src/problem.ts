import type { ProblemCodeValue } from './problem-codes.js';

/** One invalid field of a request. `field` is a dotted path (`address.postalCode`, `query.limit`). */
export interface ProblemFieldError {
  field: string;
  message: string;
  /** The rule that failed (e.g. `isInt`, `whitelistValidation`). */
  rule: string;
}

/** RFC 9457 problem details as this API sends them (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ProblemCodeValue;
  correlationId?: string;
  errors?: ProblemFieldError[];
}
