import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { regionReferralsQueryKey } from './referrals-query';

export const caseReferralsQueryKey = (region: string, caseId: string) =>
  [...regionReferralsQueryKey(region), 'case', caseId] as const;

export function caseReferralsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return queryOptions({
    queryKey: caseReferralsQueryKey(region, caseId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/cases/{caseId}/referrals', {
          params: { path: { region, caseId } },
          signal,
        }),
      ),
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}/referrals: the referrals of one case. */
export function useCaseReferrals(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(caseReferralsQueryOptions(client, region, caseId));
}
