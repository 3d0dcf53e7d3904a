import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';
import { catalogueQueryKey } from './catalogue-query';

export type Offer = components['schemas']['OfferDto'];

export const partnerOffersQueryKey = (partnerId: string, q: string) => [...catalogueQueryKey, 'offers', partnerId, q] as const;

/** `q`: name contains (empty: every offer). */
export function partnerOffersQueryOptions(client: ApiClient, partnerId: string, q: string) {
  return {
    ...cursorListQueryOptions(partnerOffersQueryKey(partnerId, q), (cursor, signal) =>
      client.GET('/api/v1/partners/{partnerId}/offers', {
        params: { path: { partnerId }, query: { cursor, ...(q === '' ? {} : { q }) } },
        signal,
      }),
    ),
    staleTime: 60_000,
  };
}

/** GET /api/v1/partners/{partnerId}/offers?q=: the partner's courses and services by name, page by page. */
export function usePartnerOffers(partnerId: string | undefined, q = '') {
  const client = useApiClient();
  return useInfiniteQuery({ ...partnerOffersQueryOptions(client, partnerId ?? '', q), enabled: partnerId !== undefined });
}
