import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { partnerClientsQueryKey } from './partner-clients-query';

export function rotatePartnerClientSecret(client: ApiClient, partnerId: string, clientId: string) {
  return dataOf(
    client.POST('/api/v1/admin/partners/{partnerId}/clients/{clientId}/rotate-secret', {
      params: { path: { partnerId, clientId } },
    }),
  );
}

/** POST …/clients/{clientId}/rotate-secret: a new secret (shown once); the old one stops working. */
export function useRotatePartnerClientSecret(partnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => rotatePartnerClientSecret(client, partnerId, clientId),
    // The answer holds the secret: drop the finished mutation from the cache at once.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey(partnerId) }),
  });
}
