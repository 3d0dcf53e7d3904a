import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Partner = components['schemas']['PartnerDto'];

export const partnersQueryKey = ['admin', 'partners'] as const;

export function partnersQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: partnersQueryKey,
    queryFn: ({ pageParam, signal }) =>
      dataOf(client.GET('/api/v1/admin/partners', { params: { query: { cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/admin/partners, page by page (platform admins). */
export function usePartners() {
  const client = useApiClient();
  return useInfiniteQuery(partnersQueryOptions(client));
}
