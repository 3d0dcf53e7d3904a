import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Learner = components['schemas']['LearnerDto'];

export const learnerQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'detail', learnerId] as const;

export function learnerQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return queryOptions({
    queryKey: learnerQueryKey(region, learnerId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/learners/{learnerId}', {
          params: { path: { region, learnerId } },
          signal,
        }),
      ),
    // Every read lands in the learner's access log: no second read when a page opens again right
    // away, nor just because the window got focus. Changes made here update the cache directly.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** GET /api/v1/regions/{region}/learners/{learnerId}: the full record, with its `version`. */
export function useLearner(region: string, learnerId: string) {
  const client = useApiClient();
  return useQuery(learnerQueryOptions(client, region, learnerId));
}
