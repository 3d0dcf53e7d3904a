import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { catalogueQueryKey } from './catalogue-query';

export type Offer = components['schemas']['OfferDto'];

export const partnerOffersQueryKey = (partnerId: string, q: string) => [...catalogueQueryKey, 'offers', partnerId, q] as const;

/** `q`: name contains (empty: every offer). */
export function partnerOffersQueryOptions(client: ApiClient, partnerId: string, q: string) {
  return infiniteQueryOptions({
    queryKey: partnerOffersQueryKey(partnerId, q),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        client.GET('/api/v1/partners/{partnerId}/offers', {
          params: { path: { partnerId }, query: { cursor: pageParam, ...(q === '' ? {} : { q }) } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 60_000,
  });
}

/** GET /api/v1/partners/{partnerId}/offers?q=: the partner's courses and services by name, page by page. */
export function usePartnerOffers(partnerId: string | undefined, q = '') {
  const client = useApiClient();
  return useInfiniteQuery({ ...partnerOffersQueryOptions(client, partnerId ?? '', q), enabled: partnerId !== undefined });
}
