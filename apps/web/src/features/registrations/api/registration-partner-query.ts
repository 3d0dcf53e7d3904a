import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

/** The catalogue's key for one partner (shared with the referral screens: one cache entry). */
export const registrationPartnerQueryKey = (partnerId: string) => ['partners', 'catalogue', 'detail', partnerId] as const;

export function registrationPartnerQueryOptions(client: ApiClient, partnerId: string) {
  return queryOptions({
    queryKey: registrationPartnerQueryKey(partnerId),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/partners/{partnerId}', { params: { path: { partnerId } }, signal })),
    staleTime: 5 * 60_000,
  });
}

/** GET /api/v1/partners/{partnerId}: the name of the partner that sent a registration (it only carries the id). */
export function useRegistrationPartner(partnerId: string) {
  const client = useApiClient();
  return useQuery(registrationPartnerQueryOptions(client, partnerId));
}
