import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type PlatformUser = components['schemas']['UserDto'];

export const centralUsersQueryKey = ['admin', 'users'] as const;

export function centralUsersQueryOptions(client: ApiClient) {
  return cursorListQueryOptions(centralUsersQueryKey, (cursor, signal) =>
    client.GET('/api/v1/admin/users', { params: { query: { cursor } }, signal }),
  );
}

/** GET /api/v1/admin/users: support-point and partner users, page by page (platform admins). */
export function useCentralUsers() {
  const client = useApiClient();
  return useInfiniteQuery(centralUsersQueryOptions(client));
}
