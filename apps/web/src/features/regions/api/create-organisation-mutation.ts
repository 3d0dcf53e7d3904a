import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { organisationsQueryKey } from './organisations-query';

export type CreateOrganisationBody =
  paths['/api/v1/regions/{region}/organisations']['post']['requestBody']['content']['application/json'];

export function createOrganisation(client: ApiClient, region: string, body: CreateOrganisationBody) {
  return dataOf(client.POST('/api/v1/regions/{region}/organisations', { params: { path: { region } }, body }));
}

/** POST /api/v1/regions/{region}/organisations (coordinators). */
export function useCreateOrganisation(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationBody) => createOrganisation(client, region, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsQueryKey(region) }),
  });
}
