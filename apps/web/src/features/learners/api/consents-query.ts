import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Consent = components['schemas']['ConsentDto'];

export const consentsQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'consents', learnerId] as const;

/** Newest first, withdrawn ones included, page by page. */
export function consentsQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return {
    ...cursorListQueryOptions(consentsQueryKey(region, learnerId), (cursor, signal) =>
      client.GET('/api/v1/regions/{region}/learners/{learnerId}/consents', {
        params: { path: { region, learnerId }, query: { cursor } },
        signal,
      }),
    ),
    // Reads are logged in the learner's access log: read again only when stale, not on focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  };
}

/** GET /api/v1/regions/{region}/learners/{learnerId}/consents. */
export function useConsents(region: string, learnerId: string) {
  const client = useApiClient();
  return useInfiniteQuery(consentsQueryOptions(client, region, learnerId));
}
