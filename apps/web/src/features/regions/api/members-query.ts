import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Member = components['schemas']['MemberDto'];

export const membersQueryKey = (region: string) => ['regions', region, 'members'] as const;

export function membersQueryOptions(client: ApiClient, region: string) {
  return cursorListQueryOptions(membersQueryKey(region), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/members', {
      params: { path: { region }, query: { cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/members, page by page ("Meer laden"); coordinators only. */
export function useMembers(region: string) {
  const client = useApiClient();
  return useInfiniteQuery(membersQueryOptions(client, region));
}
