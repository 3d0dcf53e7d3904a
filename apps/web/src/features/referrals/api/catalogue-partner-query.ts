import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { catalogueQueryKey } from './catalogue-query';

export const cataloguePartnerQueryKey = (partnerId: string) => [...catalogueQueryKey, 'detail', partnerId] as const;

export function cataloguePartnerQueryOptions(client: ApiClient, partnerId: string) {
  return queryOptions({
    queryKey: cataloguePartnerQueryKey(partnerId),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/partners/{partnerId}', { params: { path: { partnerId } }, signal })),
    // A partner's name hardly changes: one read per session is plenty.
    staleTime: 5 * 60_000,
  });
}

/** GET /api/v1/partners/{partnerId}: one partner of the catalogue (a referral only carries its id). */
export function useCataloguePartner(partnerId: string) {
  const client = useApiClient();
  return useQuery(cataloguePartnerQueryOptions(client, partnerId));
}
