import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { catalogueQueryKey } from './catalogue-query';

export type Offer = components['schemas']['OfferDto'];

export const partnerOffersQueryKey = (partnerId: string) => [...catalogueQueryKey, 'offers', partnerId] as const;

export function partnerOffersQueryOptions(client: ApiClient, partnerId: string) {
  return queryOptions({
    queryKey: partnerOffersQueryKey(partnerId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/partners/{partnerId}/offers', {
          params: { path: { partnerId } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}

/** GET /api/v1/partners/{partnerId}/offers: the partner's courses and services. */
export function usePartnerOffers(partnerId: string | undefined) {
  const client = useApiClient();
  return useQuery({ ...partnerOffersQueryOptions(client, partnerId ?? ''), enabled: partnerId !== undefined });
}
