import { Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '../problem/domain-error.js';

/** A path parameter that must be a UUID (else 400 with the parameter named), documented as one. */
export function UuidParam(name: string): ParameterDecorator {
  return documented(
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () => DomainError.validation([{ field: name, message: `${name} must be a UUID`, rule: 'isUuid' }]),
      }),
    ),
    ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: 36 } }),
  );
}

/** A path parameter that must match `pattern` (else 400 with the parameter named), documented with it. */
export function PatternParam(name: string, pattern: RegExp, maxLength: number, description: string): ParameterDecorator {
  const check: PipeTransform<string, string> = {
    transform: (value) => {
      if (value.length > maxLength || !pattern.test(value)) throw DomainError.validation([{ field: name, message: `${name} must be ${description}`, rule: 'matches' }]);
      return value;
    },
  };
  return documented(Param(name, check), ApiParam({ name, description, schema: { type: 'string', pattern: pattern.source, maxLength } }));
}

/** Applies the OpenAPI method decorator for a parameter from the parameter's own decorator. */
function documented(param: ParameterDecorator, api: MethodDecorator): ParameterDecorator {
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) api(target, key, descriptor);
  };
}
