import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/v1/auth/login' }, 'user')
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Partner systems: OAuth2 client credentials',
        flows: {
          clientCredentials: {
            tokenUrl: '/api/v1/auth/token',
            scopes: {
              'referrals:read': 'Read the referrals sent to your organisation',
              'referrals:write': 'Report on referrals (received, accepted, enrolled, …)',
              'registrations:write': 'Register learners with a leerwinkel',
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
  return sortKeys(document) as OpenAPIObject;
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
