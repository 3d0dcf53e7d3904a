import { createContext, use } from 'react';
import { createApiClient, type ApiClient } from '@leerwinkel/contracts';
import { sessionFor } from './session';

export type { ApiClient };

/**
 * The one API client of the app. `baseUrl` is '' because the API is served from the same
 * origin under `/api` (in development Vite proxies `/api` to the NestJS server). Its session
 * middleware (Bearer token, refresh on 401) is registered right away.
 */
export const apiClient: ApiClient = createApiClient('');
sessionFor(apiClient);

/**
 * Lets tests and stories hand the app a client of their own (for example one built with a fake
 * `fetch`) instead of the module-level one. Provided by the app's providers.
 */
export const ApiClientContext = createContext<ApiClient>(apiClient);

/** The app's API client, with its session middleware registered. */
export function useApiClient(): ApiClient {
  const client = use(ApiClientContext);
  sessionFor(client);
  return client;
}
