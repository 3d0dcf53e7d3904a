import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';

export type ApiClient = Client<paths>;

/**
 * A typed client for the Leerwinkel REST API, generated from the committed OpenAPI document
 * (apps/api/openapi.json). `baseUrl` is the origin serving `/api` ('' in the browser).
 */
export function createApiClient(baseUrl: string, init: { fetch?: typeof fetch; headers?: Record<string, string> } = {}): ApiClient {
  return createClient<paths>({ baseUrl, ...init });
}
