import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { membersQueryKey } from './members-query';

export type InviteMemberBody =
  paths['/api/v1/regions/{region}/members']['post']['requestBody']['content']['application/json'];

export function inviteMember(client: ApiClient, region: string, body: InviteMemberBody) {
  return dataOf(client.POST('/api/v1/regions/{region}/members', { params: { path: { region } }, body }));
}

/** POST /api/v1/regions/{region}/members: answers the member and, for a new account, a set-password link. */
export function useInviteMember(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberBody) => inviteMember(client, region, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(region) }),
  });
}
