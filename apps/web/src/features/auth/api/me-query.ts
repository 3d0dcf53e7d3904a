import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

/** The signed-in user (GET /api/v1/me). */
export type Me = components['schemas']['MeDto'];
export type Membership = Me['memberships'][number];

export const meQueryKey = ['me'] as const;

export function meQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => dataOf(client.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** GET /api/v1/me; only asked while `enabled` (i.e. signed in). */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({ ...meQueryOptions(client), enabled });
}
