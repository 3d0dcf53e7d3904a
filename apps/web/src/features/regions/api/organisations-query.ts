import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Organisation = components['schemas']['OrganisationDto'];

export const organisationsQueryKey = (region: string) => ['regions', region, 'organisations'] as const;

/** GET /api/v1/regions/{region}/organisations, by name, page by page. */
export function organisationsQueryOptions(client: ApiClient, region: string) {
  return infiniteQueryOptions({
    queryKey: organisationsQueryKey(region),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/organisations', {
          params: { path: { region }, query: { cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useOrganisations(region: string) {
  const client = useApiClient();
  return useInfiniteQuery(organisationsQueryOptions(client, region));
}
