import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { ApiProblemError } from '@/lib/problem';

function requestHealth(client: ApiClient, signal: AbortSignal) {
  return client.GET('/api/health', { signal });
}

/** The 200 body of GET /api/health, as generated from the API's OpenAPI document. */
export type HealthReport = NonNullable<Awaited<ReturnType<typeof requestHealth>>['data']>;

/** What the home page needs to know: both up, or the API answering that its database is down. */
export type HealthState = { kind: 'up'; report: HealthReport } | { kind: 'database-down' };

/**
 * GET /api/health. A 503 is an answer, not a failure: the API runs but its database does not.
 * Any other non-2xx answer rejects with an {@link ApiProblemError} (carrying the problem+json
 * body when there is one); a network failure rejects with the fetch error.
 */
export async function fetchHealth(client: ApiClient, signal: AbortSignal): Promise<HealthState> {
  const { data, error, response } = await requestHealth(client, signal);
  if (data !== undefined) {
    return data.details.database.status === 'up' ? { kind: 'up', report: data } : { kind: 'database-down' };
  }
  if (response.status === 503) return { kind: 'database-down' };
  const body: unknown = error;
  throw new ApiProblemError(response.status, body);
}

export const healthQueryKey = ['health'] as const;

export function healthQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => fetchHealth(client, signal),
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}

export function useHealth() {
  const client = useApiClient();
  return useQuery(healthQueryOptions(client));
}
