import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type AdminRegion = components['schemas']['RegionAdminDto'];

export const adminRegionsQueryKey = ['admin', 'regions'] as const;

export function adminRegionsQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: adminRegionsQueryKey,
    queryFn: ({ pageParam, signal }) =>
      dataOf(client.GET('/api/v1/admin/regions', { params: { query: { cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/admin/regions, page by page (platform admins). */
export function useAdminRegions() {
  const client = useApiClient();
  return useInfiniteQuery(adminRegionsQueryOptions(client));
}
