import fc from 'fast-check';
import { type OpenApiDocument, resolveSchema, type Schema } from './openapi-schema.js';

/**
 * OpenAPI schema → fast-check arbitraries: values that conform to the schema (drawing real ids from pools of
 * seeded records) and malformed variants (wrong types, nulls, out-of-range numbers, bad enums, invalid uuids
 * and dates, oversized and unusual unicode strings, missing required and extra properties).
 */

/** Values of existing records by field name (`learnerId`, `caseId`, `email`, …); read at generation time, so pools may grow. */
export interface IdPools {
  ids: (name: string) => readonly string[];
}

/** Strings that have hurt web applications: NUL and lone surrogates (PostgreSQL rejects both), SQL, markup, RTL. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u202eevil',
  "'; DROP TABLE learner; --",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '🙂'.repeat(50),
  'e\u0301\u0301\u0301',
  '\r\n\t',
];

function fromPool(pools: IdPools, name: string, fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fallback).map(([index, other]) => {
    const pool = pools.ids(name);
    return pool.length === 0 ? other : (pool[index % pool.length] ?? other);
  });
}

function dateArbitrary(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
}

function dateTimeArbitrary(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
}

/** A conforming string: mostly from the field's pool when it has one (real ids, a real e-mail address), else generated. */
function validString(schema: Schema, name: string, pools: IdPools): fc.Arbitrary<string> {
  const generated = generatedString(schema, name);
  return fc.oneof({ arbitrary: fromPool(pools, name, generated), weight: 19 }, { arbitrary: generated, weight: 1 });
}

/** A conforming string; some field names get realistic values so that requests get past business rules. */
function generatedString(schema: Schema, name: string): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date':
      return dateArbitrary();
    case 'date-time':
      return dateTimeArbitrary();
    case 'email':
      return fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom('example.be', 'voorbeeld.test')).map(([local, domain]) => `${local}@${domain}`);
    case undefined:
    default:
      break;
  }
  if (name === 'url') return fc.stringMatching(/^[a-z]{1,10}$/).map((segment) => `https://hooks.example.com/${segment}`);
  if (schema.pattern !== undefined) {
    const maxLength = schema.maxLength;
    return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => maxLength === undefined || value.length <= maxLength);
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
  return fc.string({ minLength, maxLength }).filter((value) => value.trim().length >= Math.min(minLength, 1));
}

function numberBounds(schema: Schema): { min: number; max: number } {
  return { min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 };
}

/** A value that conforms to the schema. */
export function validValue(document: OpenApiDocument, schema: Schema, name: string, pools: IdPools): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(document, schema);
  const value = nonNullValid(document, resolved, name, pools);
  return resolved.nullable === true ? fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
}

function nonNullValid(document: OpenApiDocument, schema: Schema, name: string, pools: IdPools): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, name, pools);
    case 'integer':
    case 'number': {
      // Versions are small in a test database: a low number sometimes matches and the update goes through.
      if (name === 'version') return fc.integer({ min: 1, max: 4 });
      const { min, max } = numberBounds(schema);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const item = validValue(document, items, singular(name), pools);
      return schema.uniqueItems === true
        ? fc.uniqueArray(item, { maxLength: 4, selector: (value) => JSON.stringify(value) })
        : fc.array(item, { maxLength: 4 });
    }
    case 'object':
    case undefined:
      return validObject(document, schema, pools);
  }
}

/** Items of an id array draw from the pool of their singular name (`learnerIds` → `learnerId`). */
function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}

/** An object with every required property and any subset of the optional ones. */
export function validObject(document: OpenApiDocument, schema: Schema, pools: IdPools): fc.Arbitrary<Record<string, unknown>> {
  const resolved = resolveSchema(document, schema);
  const properties = Object.entries(resolved.properties ?? {});
  const model = Object.fromEntries(properties.map(([key, property]) => [key, validValue(document, property, key, pools)]));
  return fc.record(model, { requiredKeys: resolved.required ?? [] });
}

/** A value that breaks the schema in one way. */
export function malformedValue(document: OpenApiDocument, schema: Schema): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(document, schema);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(true, 12345, -1, 1.5, 'text', [], {}, [null], { nested: { deeper: [1, 'two'] } }),
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constant('x'.repeat(5000)),
  ];
  if (resolved.nullable !== true) variants.push(fc.constant(null));
  if (resolved.enum !== undefined) variants.push(fc.constantFrom('not_a_value', 'CVO', ' cvo', String(resolved.enum[0]).toUpperCase()));
  switch (resolved.type) {
    case 'string':
      if (resolved.format === 'uuid') variants.push(fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{00000000-0000-4000-8000-000000000000}', '0'));
      if (resolved.format === 'date' || resolved.format === 'date-time') {
        variants.push(fc.constantFrom('2021-02-30', '2021-13-01', '0000-00-00', '99999-01-01', '31/12/2020', 'today', '2021-01-01T25:00:00Z', '-001000-01-01', '1e10'));
      }
      if (resolved.format === 'email') variants.push(fc.constantFrom('no-at-sign', '@example.be', 'a@', `${'a'.repeat(300)}@example.be`));
      if (resolved.maxLength !== undefined) variants.push(fc.constant('y'.repeat(resolved.maxLength + 1)));
      if (resolved.minLength !== undefined && resolved.minLength > 0) variants.push(fc.constant(''));
      if (resolved.pattern !== undefined) variants.push(fc.constantFrom('UPPER', '-leading', 'a', 'with space'));
      break;
    case 'integer':
    case 'number': {
      const { min, max } = numberBounds(resolved);
      variants.push(fc.constantFrom<unknown>(min - 1, max + 1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 0.5, -0, '7', '1e3'));
      break;
    }
    case 'boolean':
      variants.push(fc.constantFrom<unknown>('true', 1, 0, 'yes'));
      break;
    case 'array': {
      const items = resolved.items ?? {};
      variants.push(fc.array(malformedValue(document, items), { minLength: 1, maxLength: 3 }));
      variants.push(fc.constant(Array.from({ length: 2000 }, (_unused, index) => index)));
      if (resolved.uniqueItems === true && resolved.items?.enum !== undefined) variants.push(fc.constant([resolved.items.enum[0], resolved.items.enum[0]]));
      variants.push(fc.constantFrom<unknown>('a,b', { 0: 'a' }));
      break;
    }
    case 'object':
    case undefined:
      variants.push(fc.constantFrom<unknown>('object?', [{}], 0));
      if (resolved.properties !== undefined) variants.push(malformedObject(document, resolved, { ids: () => [] }));
      break;
  }
  return fc.oneof(...variants);
}

/** A JSON body that breaks the object schema: one bad property, a missing required one, an extra one, or not an object at all. */
export function malformedObject(document: OpenApiDocument, schema: Schema, pools: IdPools): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(document, schema);
  const properties = Object.entries(resolved.properties ?? {});
  const valid = validObject(document, resolved, pools);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(null, [], [{}], 'text', 42, true),
    fc.tuple(valid, fc.constantFrom('unexpected', 'id', 'createdAt', 'region', '__proto__', 'constructor', ''), fc.jsonValue({ maxDepth: 2 })).map(([body, key, extra]) => {
      // JSON.parse('{"__proto__": …}') makes an own property, as a client's raw JSON would.
      const member = `{${JSON.stringify(key)}:${JSON.stringify(extra)}${Object.keys(body).length > 0 ? ',' : ''}`;
      return JSON.parse(JSON.stringify(body).replace(/^\{/, () => member)) as unknown;
    }),
  ];
  if (properties.length > 0) {
    variants.push(
      fc.tuple(valid, fc.constantFrom(...properties)).chain(([body, [key, property]]) => malformedValue(document, property).map((bad) => ({ ...body, [key]: bad }))),
    );
  }
  const required = resolved.required ?? [];
  if (required.length > 0) {
    variants.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([body, key]) => {
        const { [key]: _dropped, ...rest } = body;
        return rest;
      }),
    );
  }
  return fc.oneof(...variants);
}

/** Percent-encodes text for a URL, lone surrogates too (as U+FFFD, like a browser would send them). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
}

/** A valid or malformed path segment, already percent-encoded for the URL. */
export function pathSegment(document: OpenApiDocument, schema: Schema, name: string, pools: IdPools): fc.Arbitrary<string> {
  // An empty segment would address another route (`/deliveries/` is the list), so a valid one has a character.
  const valid = validValue(document, schema, name, pools)
    .map((value) => percentEncode(String(value)))
    .filter((segment) => segment !== '');
  const malformed = fc.oneof(
    fc.uuid({ version: 4 }),
    fc.constantFrom('not-a-uuid', '0', '-1', '..', 'null', 'undefined', '%ZZ', '%E0%A4%A', '%00', '%2F', 'a%2Fb', '00000000-0000-0000-0000-000000000000', 'A'.repeat(3000)),
    fc.constantFrom(...NASTY_STRINGS.filter((value) => value !== '')).map((value) => percentEncode(value)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((value) => percentEncode(value)),
  );
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: malformed, weight: 1 });
}

/** A query-string value (valid or malformed) as the text to encode, or several for a repeated parameter. */
export function queryValue(document: OpenApiDocument, schema: Schema, name: string, pools: IdPools): fc.Arbitrary<string | string[]> {
  const valid = validValue(document, schema, name, pools)
    .filter((value) => value !== null)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  const malformed = fc.oneof(
    malformedValue(document, schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
    fc.tuple(valid, valid).map(([a, b]) => [a, b]),
    fc.constantFrom('', '[]', '{}', 'NaN', 'Infinity', '-0', '0x10', '1e400'),
  );
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: malformed, weight: 1 });
}
