import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { centralUsersQueryKey } from './central-users-query';

export type CreateCentralUserBody = paths['/api/v1/admin/users']['post']['requestBody']['content']['application/json'];

export function createCentralUser(client: ApiClient, body: CreateCentralUserBody) {
  return dataOf(client.POST('/api/v1/admin/users', { body }));
}

/** POST /api/v1/admin/users: an analyst or platform admin, with a set-password link. */
export function useCreateCentralUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCentralUserBody) => createCentralUser(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: centralUsersQueryKey }),
  });
}
