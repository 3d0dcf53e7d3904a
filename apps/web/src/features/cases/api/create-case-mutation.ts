import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { caseQueryKey } from './case-query';
import { caseListsQueryKey } from './cases-query';

export type CreateCaseBody =
  paths['/api/v1/regions/{region}/cases']['post']['requestBody']['content']['application/json'];

export function createCase(client: ApiClient, region: string, body: CreateCaseBody) {
  return dataOf(client.POST('/api/v1/regions/{region}/cases', { params: { path: { region } }, body }));
}

/** POST /api/v1/regions/{region}/cases: a new case (traject) starts as registered. */
export function useCreateCase(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => createCase(client, region, body),
    onSuccess: (created) => {
      queryClient.setQueryData(caseQueryKey(region, created.id), created);
      return queryClient.invalidateQueries({ queryKey: caseListsQueryKey(region) });
    },
  });
}
