import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export const caseQueryKey = (region: string, caseId: string) => ['regions', region, 'cases', 'detail', caseId] as const;

export function caseQueryOptions(client: ApiClient, region: string, caseId: string) {
  return queryOptions({
    queryKey: caseQueryKey(region, caseId),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/regions/{region}/cases/{caseId}', { params: { path: { region, caseId } }, signal })),
    // Every read lands in the learner's access log: no second read when a page opens again right
    // away, nor just because the window got focus. Changes made here update the cache directly.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}: the case with its `allowedTransitions` and `version`. */
export function useCase(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(caseQueryOptions(client, region, caseId));
}
