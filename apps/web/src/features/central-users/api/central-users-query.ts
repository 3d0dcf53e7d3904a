import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type PlatformUser = components['schemas']['UserDto'];

export const centralUsersQueryKey = ['admin', 'users'] as const;

export function centralUsersQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: centralUsersQueryKey,
    queryFn: ({ pageParam, signal }) =>
      dataOf(client.GET('/api/v1/admin/users', { params: { query: { cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/admin/users: support-point and partner users, page by page (platform admins). */
export function useCentralUsers() {
  const client = useApiClient();
  return useInfiniteQuery(centralUsersQueryOptions(client));
}
