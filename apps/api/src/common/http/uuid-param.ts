import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { isClientId } from '../auth/token-hash.js';
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

/** A path parameter that must be a partner client id (`lwc_…`, else 400 with the parameter named). */
export function ClientIdParam(name: string): ParameterDecorator {
  const pipe: PipeTransform<string, string> = {
    transform: (value) => {
      if (!isClientId(value)) throw DomainError.validation([{ field: name, message: `${name} must be a client id (lwc_…)`, rule: 'isClientId' }]);
      return value;
    },
  };
  return Param(name, pipe);
}
