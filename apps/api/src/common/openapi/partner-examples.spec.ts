import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../../config/config.js';

/** The parts of an OpenAPI 3 document this check reads. */
interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  allOf?: SchemaObject[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
}

interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
}

interface BodyObject {
  content?: Record<string, MediaTypeObject>;
}

interface OperationObject {
  requestBody?: BodyObject;
  responses?: Record<string, BodyObject>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type PathItemObject = Partial<Record<(typeof METHODS)[number], OperationObject>>;

interface OpenApiDocument {
  paths: Record<string, PathItemObject>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** The partner API (`/api/v1/partner/...`) and the partner catalogue (`/api/v1/partners/...`). */
const PARTNER_PATH = /^\/api\/v1\/partners?(\/|$)/;

/**
 * Where a schema lacks an example: every leaf (following $ref, allOf, array items and nested objects)
 * needs one, unless it is an enum or an enclosing schema already carries an example.
 */
function missingExamples(doc: OpenApiDocument, schema: SchemaObject, where: string, seen: Set<string>): string[] {
  if (schema.example !== undefined) return [];
  if (schema.$ref !== undefined) {
    const name = schema.$ref.split('/').at(-1) ?? schema.$ref;
    if (seen.has(name)) return [];
    seen.add(name);
    const target = doc.components?.schemas?.[name];
    return target ? missingExamples(doc, target, `${where}>${name}`, seen) : [`${where}>${name} (unresolved $ref)`];
  }
  if (schema.allOf) return schema.allOf.flatMap((part) => missingExamples(doc, part, where, seen));
  if (schema.type === 'array' && schema.items) return missingExamples(doc, schema.items, `${where}[]`, seen);
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, property]) => missingExamples(doc, property, `${where}.${name}`, seen));
  }
  if (schema.enum) return [];
  return [where];
}

/** The JSON body of a request or response, unless the media type itself carries an example. */
function jsonSchema(body: BodyObject | undefined): SchemaObject | undefined {
  const media = body?.content?.['application/json'];
  return media === undefined || media.example !== undefined ? undefined : media.schema;
}

function partnerOperations(doc: OpenApiDocument): { name: string; operation: OperationObject }[] {
  return Object.entries(doc.paths)
    .filter(([route]) => PARTNER_PATH.test(route))
    .flatMap(([route, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [{ name: `${method} ${route}`, operation }] : [];
      }),
    );
}

function missingInOperation(doc: OpenApiDocument, name: string, operation: OperationObject): string[] {
  const missing: string[] = [];
  const body = jsonSchema(operation.requestBody);
  if (body) missing.push(...missingExamples(doc, body, `${name} body`, new Set()));
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!status.startsWith('2')) continue;
    const schema = jsonSchema(response);
    if (schema) missing.push(...missingExamples(doc, schema, `${name} ${status}`, new Set()));
  }
  return missing;
}

describe('OpenAPI examples of the partner API', () => {
  const doc = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'api', 'openapi.json'), 'utf8')) as OpenApiDocument;
  const operations = partnerOperations(doc);

  it('finds the partner operations', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it('has an example for every leaf of each JSON request body and 2xx response', () => {
    const missing = operations.flatMap(({ name, operation }) => missingInOperation(doc, name, operation));
    expect(missing).toEqual([]);
  });
});
