import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { membersQueryKey } from './members-query';

export type MemberChanges =
  paths['/api/v1/regions/{region}/members/{userId}']['patch']['requestBody']['content']['application/json'];

export function updateMember(client: ApiClient, region: string, userId: string, body: MemberChanges) {
  return dataOf(
    client.PATCH('/api/v1/regions/{region}/members/{userId}', { params: { path: { region, userId } }, body }),
  );
}

/** PATCH /api/v1/regions/{region}/members/{userId}: role, membership status or organisation. */
export function useUpdateMember(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: MemberChanges }) =>
      updateMember(client, region, userId, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(region) }),
  });
}
