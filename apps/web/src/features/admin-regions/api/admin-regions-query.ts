import { useInfiniteQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';


export const adminRegionsQueryKey = ['admin', 'regions'] as const;

export function adminRegionsQueryOptions(client: ApiClient) {
  return cursorListQueryOptions(adminRegionsQueryKey, (cursor, signal) =>
    client.GET('/api/v1/admin/regions', { params: { query: { cursor } }, signal }),
  );
}

/** GET /api/v1/admin/regions, page by page (platform admins). */
export function useAdminRegions() {
  const client = useApiClient();
  return useInfiniteQuery(adminRegionsQueryOptions(client));
}
