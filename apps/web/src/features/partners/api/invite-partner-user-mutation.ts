import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type InvitePartnerUserBody =
  paths['/api/v1/admin/partners/{partnerId}/users']['post']['requestBody']['content']['application/json'];

export function invitePartnerUser(client: ApiClient, partnerId: string, body: InvitePartnerUserBody) {
  return dataOf(client.POST('/api/v1/admin/partners/{partnerId}/users', { params: { path: { partnerId } }, body }));
}

/** POST /api/v1/admin/partners/{partnerId}/users: a partner page user with a set-password link. */
export function useInvitePartnerUser(partnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitePartnerUserBody) => invitePartnerUser(client, partnerId, body),
    // Partner users show up in the platform's user list (GET /api/v1/admin/users).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
