import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { problemCodeOf } from '@/lib/problem';
import { actionItemsQueryKey } from './action-items-query';
import { caseQueryKey } from './case-query';
import { caseListsQueryKey } from './cases-query';
import { transitionsQueryKey } from './transitions-query';

export type TransitionBody =
  paths['/api/v1/regions/{region}/cases/{caseId}/transitions']['post']['requestBody']['content']['application/json'];

export function transitionCase(client: ApiClient, region: string, caseId: string, body: TransitionBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/cases/{caseId}/transitions', {
      params: { path: { region, caseId } },
      body,
    }),
  );
}

/**
 * POST /api/v1/regions/{region}/cases/{caseId}/transitions. Closing needs exitReason and
 * objectivesMet (and may plan follow-ups); reopening needs a note; 409 CASE.INVALID_TRANSITION when
 * the case has moved on meanwhile (the case is then read again).
 */
export function useTransitionCase(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) => transitionCase(client, region, caseId, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseQueryKey(region, caseId), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: transitionsQueryKey(region, caseId) }),
        queryClient.invalidateQueries({ queryKey: actionItemsQueryKey(region, caseId) }),
        queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) }),
      ]);
    },
    onError: (error) => {
      if (problemCodeOf(error) === 'CASE.INVALID_TRANSITION') {
        return queryClient.invalidateQueries({ queryKey: caseQueryKey(region, caseId), exact: true });
      }
      return undefined;
    },
  });
}
