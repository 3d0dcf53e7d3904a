import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { actionItemsQueryKey } from './action-items-query';
import { caseQueryKey } from './case-query';
import { caseListsQueryKey } from './cases-query';

/** Done/undone, task, owner, due date or follow-up outcome, with the `version` they are based on. */
export type ActionItemChanges =
  paths['/api/v1/regions/{region}/cases/{caseId}/action-items/{itemId}']['patch']['requestBody']['content']['application/json'];

export function updateActionItem(
  client: ApiClient,
  region: string,
  caseId: string,
  itemId: string,
  body: ActionItemChanges,
) {
  return dataOf(
    client.PATCH('/api/v1/regions/{region}/cases/{caseId}/action-items/{itemId}', {
      params: { path: { region, caseId, itemId } },
      body,
    }),
  );
}

/** PATCH …/action-items/{itemId} with `version` in the body (412 RESOURCE.STALE when outdated). */
export function useUpdateActionItem(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, changes }: { itemId: string; changes: ActionItemChanges }) =>
      updateActionItem(client, region, caseId, itemId, changes),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: actionItemsQueryKey(region, caseId) }),
        queryClient.invalidateQueries({ queryKey: caseQueryKey(region, caseId), exact: true }),
        queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) }),
      ]),
  });
}
