import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type ReferralLearner = components['schemas']['LearnerDto'];

/** The same key as the learner page's record, on purpose: one cache entry, one logged read. */
export const referralLearnerQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'detail', learnerId] as const;

export function referralLearnerQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return queryOptions({
    queryKey: referralLearnerQueryKey(region, learnerId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/learners/{learnerId}', {
          params: { path: { region, learnerId } },
          signal,
        }),
      ),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** GET /api/v1/regions/{region}/learners/{learnerId}: what the packet preview shows of the learner. */
export function useReferralLearner(region: string, learnerId: string) {
  const client = useApiClient();
  return useQuery(referralLearnerQueryOptions(client, region, learnerId));
}
