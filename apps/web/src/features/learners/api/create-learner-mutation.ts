import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { learnerQueryKey } from './learner-query';
import { learnerListsQueryKey } from './learners-query';

export type CreateLearnerBody =
  paths['/api/v1/regions/{region}/learners']['post']['requestBody']['content']['application/json'];

export function createLearner(client: ApiClient, region: string, body: CreateLearnerBody) {
  return dataOf(client.POST('/api/v1/regions/{region}/learners', { params: { path: { region } }, body }));
}

/**
 * POST /api/v1/regions/{region}/learners. A possible duplicate answers 409 with `candidates`;
 * sending the same body with `confirmNewPerson: true` registers the person anyway.
 */
export function useCreateLearner(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLearnerBody) => createLearner(client, region, body),
    onSuccess: (learner) => {
      // The answer is the full record: the learner page needs no (logged) read of its own.
      queryClient.setQueryData(learnerQueryKey(region, learner.id), learner);
      return queryClient.invalidateQueries({ queryKey: learnerListsQueryKey(region) });
    },
  });
}
