import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The subset of OpenAPI 3.0 that apps/api/openapi.json uses, and a validator for it. The document's schemas
 * use only: $ref, allOf (a single $ref with a description or `nullable`), type, nullable, enum, format (uuid,
 * date, date-time, email), pattern, minLength/maxLength, minimum/maximum, items, uniqueItems, properties,
 * required. The validator is strict about objects: a property the document does not describe is a mismatch
 * (the generated client would not know it).
 */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<'get' | 'post' | 'patch' | 'put' | 'delete', Operation>>>;
  components: { schemas: Record<string, Schema> };
}

export function loadOpenApiDocument(): OpenApiDocument {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi.json');
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Follows $ref and folds a single-element allOf into the schema that carries it (keeping its `nullable`). */
export function resolveSchema(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (target === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
    return resolveSchema(document, target);
  }
  if (schema.allOf !== undefined) {
    const { allOf, ...own } = schema;
    const merged = allOf.map((part) => resolveSchema(document, part)).reduce<Schema>((all, part) => mergeSchemas(all, part), {});
    return { ...merged, ...(own.nullable === true ? { nullable: true } : {}) };
  }
  return schema;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function validCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function formatProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'uuid':
      return UUID.test(value) ? undefined : 'not a uuid';
    case 'date':
      return validCalendarDate(value) ? undefined : 'not a date (YYYY-MM-DD)';
    case 'date-time':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'not an RFC 3339 date-time';
    case 'email':
      return EMAIL.test(value) ? undefined : 'not an e-mail address';
    default:
      return undefined;
  }
}

/** Every way `value` differs from `schema`, as "$.path: problem" lines (empty when it conforms). */
export function validateAgainstSchema(document: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  const resolved = resolveSchema(document, schema);
  if (value === null) return resolved.nullable === true ? [] : [`${at}: null but not nullable`];
  if (value === undefined) return [`${at}: missing`];
  if (resolved.enum !== undefined && !resolved.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum ${JSON.stringify(resolved.enum)}`];
  switch (resolved.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${at}: expected string, got ${typeof value}`];
      const problems: string[] = [];
      // Code points, as class-validator's length rules count.
      const length = Array.from(value).length;
      if (resolved.minLength !== undefined && length < resolved.minLength) problems.push(`${at}: shorter than ${resolved.minLength}`);
      if (resolved.maxLength !== undefined && length > resolved.maxLength) problems.push(`${at}: longer than ${resolved.maxLength}`);
      if (resolved.pattern !== undefined && !new RegExp(resolved.pattern, 'u').test(value)) problems.push(`${at}: does not match ${resolved.pattern}`);
      const formatIssue = resolved.format === undefined ? undefined : formatProblem(resolved.format, value);
      if (formatIssue !== undefined) problems.push(`${at}: ${formatIssue}`);
      return problems;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${at}: expected ${resolved.type}, got ${typeof value}`];
      if (resolved.type === 'integer' && !Number.isInteger(value)) return [`${at}: not an integer`];
      const problems: string[] = [];
      if (resolved.minimum !== undefined && value < resolved.minimum) problems.push(`${at}: below ${resolved.minimum}`);
      if (resolved.maximum !== undefined && value > resolved.maximum) problems.push(`${at}: above ${resolved.maximum}`);
      return problems;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected boolean, got ${typeof value}`];
    case 'array': {
      if (!Array.isArray(value)) return [`${at}: expected array, got ${typeof value}`];
      const items = resolved.items;
      const problems = items === undefined ? [] : value.flatMap((item, index) => validateAgainstSchema(document, items, item, `${at}[${index}]`));
      if (resolved.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) problems.push(`${at}: items not unique`);
      return problems;
    }
    case 'object':
    case undefined: {
      if (resolved.type === undefined && resolved.properties === undefined) return [];
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected object, got ${Array.isArray(value) ? 'array' : typeof value}`];
      const record = value as Record<string, unknown>;
      const properties = resolved.properties ?? {};
      const problems = (resolved.required ?? []).filter((name) => !(name in record)).map((name) => `${at}.${name}: required but absent`);
      for (const [name, property] of Object.entries(record)) {
        const described = properties[name];
        if (described === undefined) {
          // An object without documented properties (a free-form map such as a webhook payload) takes anything.
          if (resolved.properties !== undefined) problems.push(`${at}.${name}: not in the documented schema`);
        } else if (property !== undefined) {
          problems.push(...validateAgainstSchema(document, described, property, `${at}.${name}`));
        }
      }
      return problems;
    }
  }
}
