import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../problem/domain-error.js';

/** A path parameter that must be a UUID (else 400 with the parameter named). */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => DomainError.validation([{ field: name, message: `${name} must be a UUID`, rule: 'isUuid' }]),
    }),
  );
}
