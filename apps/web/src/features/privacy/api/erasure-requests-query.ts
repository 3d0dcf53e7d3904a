import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type ErasureRequest = components['schemas']['ErasureRequestDto'];
export type ErasureStatus = ErasureRequest['status'];
export type ErasureGround = ErasureRequest['ground'];
type ListErasuresQuery = NonNullable<paths['/api/v1/regions/{region}/erasure-requests']['get']['parameters']['query']>;

/** Every list of erasure requests of `region` (any status). */
export const erasureRequestListsQueryKey = (region: string) => ['regions', region, 'erasure-requests'] as const;
export const erasureRequestsQueryKey = (region: string, status: ListErasuresQuery['status']) =>
  [...erasureRequestListsQueryKey(region), status ?? 'all'] as const;

export function erasureRequestsQueryOptions(client: ApiClient, region: string, status: ListErasuresQuery['status']) {
  return queryOptions({
    queryKey: erasureRequestsQueryKey(region, status),
    queryFn: async ({ signal }) =>
      (
        await dataOf(
          client.GET('/api/v1/regions/{region}/erasure-requests', {
            params: { path: { region }, query: status === undefined ? {} : { status } },
            signal,
          }),
        )
      ).items,
  });
}

/**
 * GET /api/v1/regions/{region}/erasure-requests?status= (coordinators): the erasure requests, newest first (the
 * latest 200); without a status every request.
 */
export function useErasureRequests(region: string, status?: ListErasuresQuery['status']) {
  const client = useApiClient();
  return useQuery(erasureRequestsQueryOptions(client, region, status));
}
