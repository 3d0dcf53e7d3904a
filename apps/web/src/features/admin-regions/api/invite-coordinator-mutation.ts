import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type InviteCoordinatorBody =
  paths['/api/v1/admin/regions/{slug}/coordinators']['post']['requestBody']['content']['application/json'];

export function inviteCoordinator(client: ApiClient, slug: string, body: InviteCoordinatorBody) {
  return dataOf(client.POST('/api/v1/admin/regions/{slug}/coordinators', { params: { path: { slug } }, body }));
}

/** POST /api/v1/admin/regions/{slug}/coordinators: answers a set-password link for a new account. */
export function useInviteCoordinator(slug: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteCoordinatorBody) => inviteCoordinator(client, slug, body),
    // The region's member list (and the signed-in user's own memberships, should they appoint themselves).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['regions', slug] }),
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
