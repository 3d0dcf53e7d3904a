import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { partnerReferralsRootQueryKey } from './partner-referrals-query';

export type PartnerTransitionBody =
  paths['/api/v1/partner/referrals/{referralId}/transitions']['post']['requestBody']['content']['application/json'];

export interface PartnerTransitionInput {
  body: PartnerTransitionBody;
  /** One key per answer the user gives: a retry of the same answer sends it again, so it is done once. */
  idempotencyKey: string;
}

export function transitionPartnerReferral(client: ApiClient, referralId: string, input: PartnerTransitionInput) {
  return dataOf(
    client.POST('/api/v1/partner/referrals/{referralId}/transitions', {
      params: { path: { referralId }, header: { 'Idempotency-Key': input.idempotencyKey } },
      body: input.body,
    }),
  );
}

/**
 * POST /api/v1/partner/referrals/{referralId}/transitions: the partner's answer (received, accepted,
 * declined with a reason, scheduled with a start date, …). Afterwards the list is read again.
 */
export function useTransitionPartnerReferral(referralId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PartnerTransitionInput) => transitionPartnerReferral(client, referralId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerReferralsRootQueryKey }),
  });
}
