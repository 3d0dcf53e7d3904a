import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { learnerHistoryQueryKey } from './learner-history-query';
import { learnerQueryKey } from './learner-query';

export function liftRestriction(client: ApiClient, region: string, learnerId: string) {
  return dataOf(
    client.DELETE('/api/v1/regions/{region}/learners/{learnerId}/restriction', {
      params: { path: { region, learnerId } },
    }),
  );
}

/** DELETE …/learners/{learnerId}/restriction (coordinators): the learner's data may be changed again. */
export function useLiftRestriction(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => liftRestriction(client, region, learnerId),
    onSuccess: (learner) => {
      queryClient.setQueryData(learnerQueryKey(region, learnerId), learner);
      return queryClient.invalidateQueries({ queryKey: learnerHistoryQueryKey(region, learnerId) });
    },
  });
}
