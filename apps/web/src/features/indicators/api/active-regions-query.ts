import { useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { allPagesQueryOptions } from '@/lib/cursor-query';

export type ActiveRegion = components['schemas']['RegionSummaryDto'];

export const activeRegionsQueryKey = ['reference', 'regions'] as const;

/** Every page: there are a few dozen regions at most. */
export function activeRegionsQueryOptions(client: ApiClient) {
  return {
    ...allPagesQueryOptions(activeRegionsQueryKey, (cursor, signal) =>
      client.GET('/api/v1/regions', { params: { query: { limit: 100, cursor } }, signal }),
    ),
    staleTime: 10 * 60_000,
  };
}

/** GET /api/v1/regions: the active regions (slug and name), for the region filter of the dashboard. */
export function useActiveRegions() {
  const client = useApiClient();
  return useQuery(activeRegionsQueryOptions(client));
}
