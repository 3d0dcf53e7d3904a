import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { actionItemsQueryKey } from './action-items-query';
import { caseQueryKey } from './case-query';
import { caseListsQueryKey } from './cases-query';

export type AddActionItemBody =
  paths['/api/v1/regions/{region}/cases/{caseId}/action-items']['post']['requestBody']['content']['application/json'];

export function addActionItem(client: ApiClient, region: string, caseId: string, body: AddActionItemBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/cases/{caseId}/action-items', { params: { path: { region, caseId } }, body }),
  );
}

/** POST …/action-items. The case's next due date and overdue flag may change with it. */
export function useAddActionItem(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddActionItemBody) => addActionItem(client, region, caseId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: actionItemsQueryKey(region, caseId) }),
        queryClient.invalidateQueries({ queryKey: caseQueryKey(region, caseId), exact: true }),
        queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) }),
      ]),
  });
}
