import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export function confirmErasure(client: ApiClient, region: string, requestId: string) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/erasure-requests/{requestId}/confirm', {
      params: { path: { region, requestId } },
    }),
  );
}

/**
 * POST …/erasure-requests/{requestId}/confirm (coordinators): erases the learner everywhere, irreversibly. Only
 * another coordinator than the requester may (409 ERASURE.FOUR_EYES otherwise).
 */
export function useConfirmErasure(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => confirmErasure(client, region, requestId),
    // The learner leaves every list of the region (learners, cases, referrals, figures, retention): all of it is
    // read again when next shown.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['regions', region] }),
  });
}
