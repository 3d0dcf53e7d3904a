import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { erasureRequestListsQueryKey } from './erasure-requests-query';

export function cancelErasure(client: ApiClient, region: string, requestId: string) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/erasure-requests/{requestId}/cancel', {
      params: { path: { region, requestId } },
    }),
  );
}

/** POST …/erasure-requests/{requestId}/cancel (coordinators): the request is dropped; nothing is erased. */
export function useCancelErasure(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => cancelErasure(client, region, requestId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: erasureRequestListsQueryKey(region) }),
  });
}
