import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { learnerHistoryQueryKey } from './learner-history-query';
import { learnerQueryKey } from './learner-query';
import { learnerListsQueryKey } from './learners-query';

/** The changed fields and the `version` they are based on (412 RESOURCE.STALE when outdated). */
export type LearnerChanges =
  paths['/api/v1/regions/{region}/learners/{learnerId}']['patch']['requestBody']['content']['application/json'];

export function updateLearner(client: ApiClient, region: string, learnerId: string, body: LearnerChanges) {
  return dataOf(
    client.PATCH('/api/v1/regions/{region}/learners/{learnerId}', {
      params: { path: { region, learnerId } },
      body,
    }),
  );
}

/** PATCH /api/v1/regions/{region}/learners/{learnerId} with `version` in the body. */
export function useUpdateLearner(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: LearnerChanges) => updateLearner(client, region, learnerId, changes),
    onSuccess: (learner) => {
      queryClient.setQueryData(learnerQueryKey(region, learnerId), learner);
      // A correction is kept in the learner's history (old and new value).
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: learnerListsQueryKey(region) }),
        queryClient.invalidateQueries({ queryKey: learnerHistoryQueryKey(region, learnerId) }),
      ]);
    },
  });
}
