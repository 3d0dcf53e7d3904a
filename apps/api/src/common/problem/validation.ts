import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@leerwinkel/contracts';
import { DomainError } from './domain-error.js';

/** Global validation: unknown properties are rejected (no mass assignment), every failure becomes a field error. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}

/** Field errors by dotted path; an error about the body itself (an array or a string where an object belongs) is on `body`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const property = (error.property as string | undefined) ?? '';
    const field = parent && property ? `${parent}.${property}` : parent || property || 'body';
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
