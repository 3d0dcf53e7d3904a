import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Consent = components['schemas']['ConsentDto'];

export const consentsQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'consents', learnerId] as const;

/** The API answers every consent in one page (withdrawn ones included). */
export function consentsQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return queryOptions({
    queryKey: consentsQueryKey(region, learnerId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/learners/{learnerId}/consents', {
          params: { path: { region, learnerId } },
          signal,
        }),
      ),
    // Reads are logged in the learner's access log: read again only when stale, not on focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** GET /api/v1/regions/{region}/learners/{learnerId}/consents. */
export function useConsents(region: string, learnerId: string) {
  const client = useApiClient();
  return useQuery(consentsQueryOptions(client, region, learnerId));
}
