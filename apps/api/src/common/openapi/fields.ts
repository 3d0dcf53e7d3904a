import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/**
 * One decorator per kind of field: each emits the class-validator rules and the matching OpenAPI property,
 * so the documented contract and the enforced one cannot drift apart.
 */
interface FieldOptions {
  description: string;
  example?: unknown;
  /** Absent allowed (PATCH). */
  optional?: boolean;
  /** null allowed (clears the value). */
  nullable?: boolean;
}

function presence(options: FieldOptions): PropertyDecorator[] {
  if (options.nullable) return [ValidateIf((_object, value) => value !== null && value !== undefined)];
  if (options.optional) return [IsOptional()];
  return [];
}

function api(options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator {
  return ApiProperty({
    description: options.description,
    required: !(options.optional ?? options.nullable ?? false),
    nullable: options.nullable ?? false,
    ...(options.example === undefined ? {} : { example: options.example }),
    ...schema,
  });
}

export function IntField(options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsInt(),
    Min(options.min),
    Max(options.max),
    api(options, { type: 'integer', minimum: options.min, maximum: options.max }),
  );
}

export function BooleanField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(...presence(options), IsBoolean(), api(options, { type: 'boolean' }));
}

export function EmailField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsEmail(),
    MaxLength(254),
    api(options, { type: 'string', format: 'email', maxLength: 254 }),
  );
}

export function PhoneField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsString(),
    Matches(/^\+?[0-9 ./()-]{6,40}$/, { message: '$property must be a phone number (digits, spaces, + . / ( ) -)' }),
    api(options, { type: 'string', pattern: '^\\+?[0-9 ./()-]{6,40}$' }),
  );
}

export function TextField(options: FieldOptions & { maxLength: number; minLength?: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsString(),
    MaxLength(options.maxLength),
    ...(options.minLength ? [Matches(new RegExp(`^[\\s\\S]{${options.minLength},}$`), { message: `$property must be at least ${options.minLength} characters` })] : []),
    api(options, { type: 'string', maxLength: options.maxLength, ...(options.minLength ? { minLength: options.minLength } : {}) }),
  );
}
