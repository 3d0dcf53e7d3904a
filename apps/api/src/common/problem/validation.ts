import { type ArgumentMetadata, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Where `value` holds a string with a NUL character, as field paths (`notes`, `locations.0.name`). */
function nulFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => nulFields(item, path ? `${path}.${key}` : key));
}

/**
 * PostgreSQL text cannot hold U+0000, so no input string may: a body, query or path value with one is a 400
 * field error here instead of a database error (a 500) later. Runs before the ValidationPipe.
 */
export class NoNulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields = nulFields(value, metadata.data ?? '').map((field) => field || metadata.type);
    if (fields.length > 0) {
      throw DomainError.validation(fields.map((field) => ({ field, message: `${field} must not contain a NUL character`, rule: 'noNulCharacter' })));
    }
    return value;
  }
}
