import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { learnerHistoryQueryKey } from './learner-history-query';
import { learnerQueryKey } from './learner-query';

export type RestrictLearnerBody = components['schemas']['RestrictLearnerDto'];

export function restrictLearner(client: ApiClient, region: string, learnerId: string, body: RestrictLearnerBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/learners/{learnerId}/restriction', {
      params: { path: { region, learnerId } },
      body,
    }),
  );
}

/**
 * POST …/learners/{learnerId}/restriction (coordinators): restricts processing (GDPR Art. 18) with a reason. The
 * answer is the learner: the page shows the restriction without reading the record again.
 */
export function useRestrictLearner(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RestrictLearnerBody) => restrictLearner(client, region, learnerId, body),
    onSuccess: (learner) => {
      queryClient.setQueryData(learnerQueryKey(region, learnerId), learner);
      return queryClient.invalidateQueries({ queryKey: learnerHistoryQueryKey(region, learnerId) });
    },
  });
}
