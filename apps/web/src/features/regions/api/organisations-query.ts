import { useInfiniteQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';


export const organisationsQueryKey = (region: string) => ['regions', region, 'organisations'] as const;

/** GET /api/v1/regions/{region}/organisations, by name, page by page. */
export function organisationsQueryOptions(client: ApiClient, region: string) {
  return cursorListQueryOptions(organisationsQueryKey(region), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/organisations', {
      params: { path: { region }, query: { cursor } },
      signal,
    }),
  );
}

export function useOrganisations(region: string) {
  const client = useApiClient();
  return useInfiniteQuery(organisationsQueryOptions(client, region));
}
