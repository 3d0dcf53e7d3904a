import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Member = components['schemas']['MemberDto'];

export const membersQueryKey = (region: string) => ['regions', region, 'members'] as const;

export function membersQueryOptions(client: ApiClient, region: string) {
  return infiniteQueryOptions({
    queryKey: membersQueryKey(region),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/members', {
          params: { path: { region }, query: { cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/regions/{region}/members, page by page ("Meer laden"); coordinators only. */
export function useMembers(region: string) {
  const client = useApiClient();
  return useInfiniteQuery(membersQueryOptions(client, region));
}
