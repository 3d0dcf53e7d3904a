import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { regionReferralsQueryKey } from './referrals-query';

export type CreateReferralBody =
  paths['/api/v1/regions/{region}/cases/{caseId}/referrals']['post']['requestBody']['content']['application/json'];

export function createReferral(client: ApiClient, region: string, caseId: string, body: CreateReferralBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/cases/{caseId}/referrals', {
      params: { path: { region, caseId } },
      body,
    }),
  );
}

/**
 * POST /api/v1/regions/{region}/cases/{caseId}/referrals. 409 REFERRAL.NO_SHARING_CONSENT when the
 * learner has no active partner_sharing consent for that partner.
 */
export function useCreateReferral(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralBody) => createReferral(client, region, caseId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionReferralsQueryKey(region) }),
  });
}
