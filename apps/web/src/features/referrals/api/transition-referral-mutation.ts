import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { problemCodeOf } from '@/lib/problem';
import { referralQueryKey } from './referral-query';
import { regionReferralsQueryKey } from './referrals-query';

export type ReferralTransitionBody =
  paths['/api/v1/regions/{region}/referrals/{referralId}/transitions']['post']['requestBody']['content']['application/json'];

export function transitionReferral(
  client: ApiClient,
  region: string,
  referralId: string,
  body: ReferralTransitionBody,
) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/referrals/{referralId}/transitions', {
      params: { path: { region, referralId } },
      body,
    }),
  );
}

/**
 * POST /api/v1/regions/{region}/referrals/{referralId}/transitions: withdraw, or "the learner
 * declined" (with a reason). 409 REFERRAL.INVALID_TRANSITION when it moved on meanwhile: read again.
 */
export function useTransitionReferral(region: string, referralId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralTransitionBody) => transitionReferral(client, region, referralId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionReferralsQueryKey(region) }),
    onError: (error) => {
      if (problemCodeOf(error) === 'REFERRAL.INVALID_TRANSITION') {
        return queryClient.invalidateQueries({ queryKey: referralQueryKey(region, referralId) });
      }
      return undefined;
    },
  });
}
