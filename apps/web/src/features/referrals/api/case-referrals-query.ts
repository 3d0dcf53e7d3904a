import { useInfiniteQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';
import { regionReferralsQueryKey } from './referrals-query';

export const caseReferralsQueryKey = (region: string, caseId: string) =>
  [...regionReferralsQueryKey(region), 'case', caseId] as const;

export function caseReferralsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return cursorListQueryOptions(caseReferralsQueryKey(region, caseId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases/{caseId}/referrals', {
      params: { path: { region, caseId }, query: { cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/cases/{caseId}/referrals: the referrals of one case, newest first, page by page. */
export function useCaseReferrals(region: string, caseId: string) {
  const client = useApiClient();
  return useInfiniteQuery(caseReferralsQueryOptions(client, region, caseId));
}
