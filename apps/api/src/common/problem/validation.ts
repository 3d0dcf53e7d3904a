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

export function toFieldErrors(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
