import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type CataloguePartner = components['schemas']['CataloguePartnerDto'];
type CatalogueQuery = NonNullable<paths['/api/v1/partners']['get']['parameters']['query']>;
/** The filters the referral form uses: the region served and a name search. */
export type CatalogueFilters = Pick<CatalogueQuery, 'region' | 'q'>;

/** Every catalogue answer (lists, single partners, offers). */
export const catalogueQueryKey = ['partners', 'catalogue'] as const;
export const cataloguePartnersQueryKey = (filters: CatalogueFilters) =>
  [...catalogueQueryKey, 'list', filters] as const;

/** How many partners the picker shows at once; a more precise search narrows the list. */
export const CATALOGUE_PAGE_SIZE = 20;

export function cataloguePartnersQueryOptions(client: ApiClient, filters: CatalogueFilters) {
  return queryOptions({
    queryKey: cataloguePartnersQueryKey(filters),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/partners', { params: { query: { ...filters, limit: CATALOGUE_PAGE_SIZE } }, signal })),
    staleTime: 60_000,
  });
}

/** GET /api/v1/partners?region=&q=: partner organisations serving the region, by name (first page). */
export function useCataloguePartners(filters: CatalogueFilters) {
  const client = useApiClient();
  return useQuery({ ...cataloguePartnersQueryOptions(client, filters), placeholderData: keepPreviousData });
}
