import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Organisation = components['schemas']['OrganisationDto'];

export const organisationsQueryKey = (region: string) => ['regions', region, 'organisations'] as const;

/**
 * GET /api/v1/regions/{region}/organisations. The answer has a `nextCursor`, but the operation
 * accepts no `cursor` parameter (yet), so there is only ever one page to show.
 */
export function organisationsQueryOptions(client: ApiClient, region: string) {
  return queryOptions({
    queryKey: organisationsQueryKey(region),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/regions/{region}/organisations', { params: { path: { region } }, signal })),
  });
}

export function useOrganisations(region: string) {
  const client = useApiClient();
  return useQuery(organisationsQueryOptions(client, region));
}
