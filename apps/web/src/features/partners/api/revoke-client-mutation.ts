import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { noContentOf } from '@/lib/api-result';
import { partnerClientsQueryKey } from './partner-clients-query';

export function revokePartnerClient(client: ApiClient, partnerId: string, clientId: string) {
  return noContentOf(
    client.DELETE('/api/v1/admin/partners/{partnerId}/clients/{clientId}', {
      params: { path: { partnerId, clientId } },
    }),
  );
}

/** DELETE …/clients/{clientId}: revokes the client; its tokens stop working at once. */
export function useRevokePartnerClient(partnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => revokePartnerClient(client, partnerId, clientId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey(partnerId) }),
  });
}
