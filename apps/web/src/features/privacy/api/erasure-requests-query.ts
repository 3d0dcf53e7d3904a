import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type ErasureRequest = components['schemas']['ErasureRequestDto'];
export type ErasureGround = ErasureRequest['ground'];
type ListErasuresQuery = NonNullable<paths['/api/v1/regions/{region}/erasure-requests']['get']['parameters']['query']>;

/** Every list of erasure requests of `region` (any status, any learner). */
export const erasureRequestListsQueryKey = (region: string) => ['regions', region, 'erasure-requests'] as const;
export const erasureRequestsQueryKey = (region: string, status: ListErasuresQuery['status']) =>
  [...erasureRequestListsQueryKey(region), status ?? 'all'] as const;
export const pendingErasureQueryKey = (region: string, learnerId: string) =>
  [...erasureRequestListsQueryKey(region), 'pending', 'learner', learnerId] as const;

export function erasureRequestsQueryOptions(client: ApiClient, region: string, status: ListErasuresQuery['status']) {
  return cursorListQueryOptions(erasureRequestsQueryKey(region, status), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/erasure-requests', {
      params: { path: { region }, query: { ...(status === undefined ? {} : { status }), cursor } },
      signal,
    }),
  );
}

/**
 * GET /api/v1/regions/{region}/erasure-requests?status= (coordinators): the erasure requests, newest first, page by
 * page ("Meer laden"); without a status every request.
 */
export function useErasureRequests(region: string, status?: ListErasuresQuery['status']) {
  const client = useApiClient();
  return useInfiniteQuery(erasureRequestsQueryOptions(client, region, status));
}

export function pendingErasureQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return queryOptions({
    queryKey: pendingErasureQueryKey(region, learnerId),
    queryFn: async ({ signal }) =>
      (
        await dataOf(
          client.GET('/api/v1/regions/{region}/erasure-requests', {
            params: { path: { region }, query: { status: 'pending', learnerId, limit: 1 } },
            signal,
          }),
        )
      ).items.at(0) ?? null,
  });
}

/** The erasure request of this learner waiting for confirmation, or null (one exact question, not a page to search). */
export function usePendingErasure(region: string, learnerId: string) {
  const client = useApiClient();
  return useQuery(pendingErasureQueryOptions(client, region, learnerId));
}
