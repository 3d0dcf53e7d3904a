import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { regionReferralsQueryKey } from './referrals-query';

export const referralQueryKey = (region: string, referralId: string) =>
  [...regionReferralsQueryKey(region), 'detail', referralId] as const;

export function referralQueryOptions(client: ApiClient, region: string, referralId: string) {
  return queryOptions({
    queryKey: referralQueryKey(region, referralId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/referrals/{referralId}', {
          params: { path: { region, referralId } },
          signal,
        }),
      ),
  });
}

/** GET /api/v1/regions/{region}/referrals/{referralId}: the referral with its `events` (history). */
export function useReferral(region: string, referralId: string) {
  const client = useApiClient();
  return useQuery(referralQueryOptions(client, region, referralId));
}
