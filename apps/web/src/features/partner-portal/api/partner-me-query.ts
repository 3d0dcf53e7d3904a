import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';


export const partnerMeQueryKey = ['partner', 'me'] as const;

export function partnerMeQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: partnerMeQueryKey,
    queryFn: ({ signal }) => dataOf(client.GET('/api/v1/partner/me', { signal })),
  });
}

/** GET /api/v1/partner/me: the partner organisation of the signed-in partner user. */
export function usePartnerMe() {
  const client = useApiClient();
  return useQuery(partnerMeQueryOptions(client));
}
