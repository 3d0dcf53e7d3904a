import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { type CodeListEntry, CODE_LISTS } from '@leerwinkel/contracts';

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

/**
 * An optional body field that is not nullable: absent skips its rules, null is checked by them (and so refused).
 * class-validator's IsOptional would let null through to SQL and into answers that document no null.
 */
export function OptionalInput(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

function presence(options: FieldOptions): PropertyDecorator[] {
  if (options.nullable) return [ValidateIf((_object, value) => value !== null && value !== undefined)];
  if (options.optional) return [OptionalInput()];
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
    api(options, { type: 'integer', format: 'int32', minimum: options.min, maximum: options.max }),
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
    api(options, { type: 'string', pattern: '^\\+?[0-9 ./()-]{6,40}$', maxLength: 41 }),
  );
}

export function TextField(options: FieldOptions & { maxLength: number; minLength?: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsString(),
    MaxLength(options.maxLength),
    // A required text must say something: whitespace alone (trimmed away by the services) is refused as blank.
    ...(options.minLength ? [MinLength(options.minLength), Matches(/\S/, { message: '$property must not be blank' })] : []),
    api(options, { type: 'string', maxLength: options.maxLength, ...(options.minLength ? { minLength: options.minLength } : {}) }),
  );
}

export function UuidField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(...presence(options), IsUUID('all'), api(options, { type: 'string', format: 'uuid', maxLength: 36 }));
}

/**
 * A code from one of the code lists (libs/contracts); `dataQuality` also allows unknown /
 * prefers_not_to_say / not_collected; `array` takes a list of distinct codes.
 */
export function CodeField(list: readonly CodeListEntry[], options: FieldOptions & { dataQuality?: boolean; array?: boolean }): PropertyDecorator {
  const allowed = [...list, ...(options.dataQuality ? CODE_LISTS.dataQuality : [])].map((entry) => entry.code);
  if (options.array) {
    return applyDecorators(
      ...presence(options),
      IsArray(),
      ArrayUnique(),
      ArrayMaxSize(allowed.length),
      IsIn(allowed, { each: true }),
      api(options, { type: 'array', items: { type: 'string', enum: allowed }, uniqueItems: true, maxItems: allowed.length }),
    );
  }
  return applyDecorators(...presence(options), IsIn(allowed), api(options, { type: 'string', enum: allowed }));
}

/** A real calendar date `YYYY-MM-DD` (31 February is refused), optionally an age range at today. */
export function DateField(options: FieldOptions & { age?: { min: number; max: number }; notInFuture?: boolean }): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsCalendarDate(options.age, options.notInFuture ?? false),
    api(options, { type: 'string', format: 'date', maxLength: 10 }),
  );
}

/** `2026-11-29T08:30:00.123456+01:00` is 32 characters; longer fractions of a second serve no one. */
const DATE_TIME_MAX_LENGTH = 35;

/** An ISO 8601 date-time with offset. */
export function DateTimeField(options: FieldOptions & { notInFuture?: boolean }): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsISO8601({ strict: true, strictSeparator: true }),
    MaxLength(DATE_TIME_MAX_LENGTH),
    ...(options.notInFuture ? [NotInFuture()] : []),
    api(options, { type: 'string', format: 'date-time', maxLength: DATE_TIME_MAX_LENGTH }),
  );
}

function IsCalendarDate(age: { min: number; max: number } | undefined, notInFuture: boolean): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
          const today = new Date().toISOString().slice(0, 10);
          if ((notInFuture || age) && value > today) return false;
          if (age) {
            const years = ageOn(value, today);
            if (years < age.min || years > age.max) return false;
          }
          return true;
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a real date (YYYY-MM-DD)${age ? ` of someone aged ${age.min} to ${age.max}` : notInFuture ? ', not in the future' : ''}`,
      },
    });
  };
}

function NotInFuture(): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && new Date(value).getTime() <= Date.now() + 60_000,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must not be in the future`,
      },
    });
  };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}
