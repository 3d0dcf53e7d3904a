import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { partnerClientsQueryKey } from './partner-clients-query';

export type CreateClientBody =
  paths['/api/v1/admin/partners/{partnerId}/clients']['post']['requestBody']['content']['application/json'];

export function createPartnerClient(client: ApiClient, partnerId: string, body: CreateClientBody) {
  return dataOf(client.POST('/api/v1/admin/partners/{partnerId}/clients', { params: { path: { partnerId } }, body }));
}

/** POST /api/v1/admin/partners/{partnerId}/clients: the answer holds the secret, once. */
export function useCreatePartnerClient(partnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientBody) => createPartnerClient(client, partnerId, body),
    // The answer holds the secret: drop the finished mutation from the cache at once.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey(partnerId) }),
  });
}
