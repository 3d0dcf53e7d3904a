import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { consentsQueryKey } from './consents-query';

export function withdrawConsent(client: ApiClient, region: string, learnerId: string, consentId: string) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/learners/{learnerId}/consents/{consentId}/withdraw', {
      params: { path: { region, learnerId, consentId } },
    }),
  );
}

/** POST …/consents/{consentId}/withdraw (409 RESOURCE.CONFLICT when it was already withdrawn). */
export function useWithdrawConsent(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => withdrawConsent(client, region, learnerId, consentId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consentsQueryKey(region, learnerId) }),
  });
}
