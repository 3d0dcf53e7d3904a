import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { caseQueryKey } from './case-query';
import { caseListsQueryKey } from './cases-query';

/** The changed fields and the `version` they are based on (412 RESOURCE.STALE when outdated). */
export type CaseChanges =
  paths['/api/v1/regions/{region}/cases/{caseId}']['patch']['requestBody']['content']['application/json'];

export function updateCase(client: ApiClient, region: string, caseId: string, body: CaseChanges) {
  return dataOf(
    client.PATCH('/api/v1/regions/{region}/cases/{caseId}', { params: { path: { region, caseId } }, body }),
  );
}

/** PATCH /api/v1/regions/{region}/cases/{caseId} with `version` in the body. */
export function useUpdateCase(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: CaseChanges) => updateCase(client, region, caseId, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseQueryKey(region, caseId), updated);
      return queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) });
    },
  });
}
