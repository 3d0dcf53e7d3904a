import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { centralUsersQueryKey } from './central-users-query';

export type UserChanges = paths['/api/v1/admin/users/{userId}']['patch']['requestBody']['content']['application/json'];

export function updateUser(client: ApiClient, userId: string, body: UserChanges) {
  return dataOf(client.PATCH('/api/v1/admin/users/{userId}', { params: { path: { userId } }, body }));
}

/** PATCH /api/v1/admin/users/{userId}: (de)activate an account or change a central role. */
export function useUpdateUser() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: UserChanges }) => updateUser(client, userId, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: centralUsersQueryKey }),
  });
}
