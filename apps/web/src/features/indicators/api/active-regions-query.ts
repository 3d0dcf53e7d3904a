import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type ActiveRegion = components['schemas']['RegionSummaryDto'];

export const activeRegionsQueryKey = ['reference', 'regions'] as const;

/** Every page: there are a few dozen regions at most. */
export function activeRegionsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: activeRegionsQueryKey,
    queryFn: async ({ signal }) => {
      const regions: ActiveRegion[] = [];
      let cursor: string | undefined;
      do {
        const page = await dataOf(client.GET('/api/v1/regions', { params: { query: { limit: 100, cursor } }, signal }));
        regions.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return regions;
    },
    staleTime: 10 * 60_000,
  });
}

/** GET /api/v1/regions: the active regions (slug and name), for the region filter of the dashboard. */
export function useActiveRegions() {
  const client = useApiClient();
  return useQuery(activeRegionsQueryOptions(client));
}
