import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { NOT_RATE_LIMITED_EXTENSION } from '../auth/throttling.js';

/** The OpenAPI document, generated from the controllers; keys sorted so the committed file is stable. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Leerwinkel API')
    .setDescription(
      'REST API of the Leerwinkel platform for learning-career guidance of adults in Flanders and Brussels. ' +
        'Region-scoped resources live under /api/v1/regions/{region}/. Every error is RFC 9457 ' +
        'application/problem+json with a stable `code`. Lists use `limit` (default 25, max 100) and an opaque `cursor`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `Access token of a person, from POST /api/v1/auth/login. ${JWT_PRACTICE}` }, 'user')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `Access token of a person with the central role platform_admin (administration routes). ${JWT_PRACTICE}` },
      'platformAdmin',
    )
    .addCookieAuth(
      'lw_refresh',
      { type: 'apiKey', in: 'cookie', name: 'lw_refresh', description: 'The refresh token: httpOnly, SameSite=Strict, Path=/api/v1/auth; rotated on every use, its whole family revoked on reuse.' },
      'refreshCookie',
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description: `Partner systems: OAuth2 client credentials; the access token expires after 15 minutes (expires_in) and the client asks for a new one (client credentials have no refresh token, RFC 6749 §4.4.3). ${JWT_PRACTICE}`,
        flows: {
          clientCredentials: {
            tokenUrl: '/api/v1/auth/token',
            scopes: {
              'referrals:read': 'Read the referrals sent to your organisation',
              'referrals:write': 'Report on referrals (received, accepted, enrolled, …)',
              'registrations:write': 'Register learners with a leerwinkel',
              'webhooks:manage': 'Manage your webhook endpoints and their deliveries',
            },
          },
        },
      },
      'partner',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
  return sortKeys(withGlobalBehaviour(document)) as OpenAPIObject;
}

const JWT_PRACTICE =
  'A JWS per RFC8725 (JWT best current practices): HS256 only (alg none and every other algorithm refused), issuer and audience checked, expiry enforced, and the principal re-read on every request.';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

/**
 * What every route does because of the global guards and filter, documented once here rather than on each
 * controller: the rate limit (RateLimit-* headers, 429 with Retry-After; not on the health probes), 401 on every secured route, 400 on
 * every route with input (validation pipe), and the 500 problem of the exception filter.
 */
function withGlobalBehaviour(document: OpenAPIObject): OpenAPIObject {
  const components = document.components ?? {};
  components.headers = {
    ...components.headers,
    'RateLimit-Limit': { description: "Requests allowed per minute in the caller's window (signed-in user, partner client, or IP when anonymous). Sent once the request passed authentication.", schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 1_000_000 } },
    'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 } },
    'RateLimit-Reset': { description: 'Seconds until the current window ends.', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 } },
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 3600 } },
  };
  components.responses = {
    ...components.responses,
    TooManyRequests: {
      description: 'Too many requests (problem+json): wait Retry-After seconds.',
      headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' }, ...RATE_LIMIT_HEADERS },
      content: problem,
    },
    InternalError: { description: 'Unexpected error (problem+json with a correlation id, no internals).', content: problem },
  };
  document.components = components;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses;
      const secured = (operation.security ?? []).length > 0;
      const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
      if (secured && !responses['401']) responses['401'] = { description: 'Not signed in, or the token is invalid or expired (problem+json).', content: problem };
      if (hasInput && !responses['400']) responses['400'] = { description: 'Invalid request (problem+json, field errors in `errors`).', content: problem };
      responses['500'] = { $ref: '#/components/responses/InternalError' };
      if (Reflect.get(operation, NOT_RATE_LIMITED_EXTENSION) === true) {
        Reflect.deleteProperty(operation, NOT_RATE_LIMITED_EXTENSION);
        continue;
      }
      responses['429'] = { $ref: '#/components/responses/TooManyRequests' };
      for (const [status, response] of Object.entries(responses)) {
        if (!response || !/^[24]/.test(status) || status === '429' || '$ref' in response) continue;
        response.headers = { ...RATE_LIMIT_HEADERS, ...response.headers };
      }
    }
  }
  return document;
}

export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, sortKeys(entry)]),
  );
}
