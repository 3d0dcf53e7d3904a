import { createContext, use } from 'react';
import { createApiClient, type ApiClient } from '@leerwinkel/contracts';

export type { ApiClient };

/**
 * The one API client of the app. `baseUrl` is '' because the API is served from the same
 * origin under `/api` (in development Vite proxies `/api` to the NestJS server).
 */
export const apiClient: ApiClient = createApiClient('');

/**
 * Lets tests and stories hand the app a client of their own (for example one built with a fake
 * `fetch`) instead of the module-level one. Provided by the app's providers.
 */
export const ApiClientContext = createContext<ApiClient>(apiClient);

export function useApiClient(): ApiClient {
  return use(ApiClientContext);
}
