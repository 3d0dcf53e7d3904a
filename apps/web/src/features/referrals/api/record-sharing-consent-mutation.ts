import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { learnerConsentsQueryKey } from './sharing-consents-query';

type ConsentBody =
  paths['/api/v1/regions/{region}/learners/{learnerId}/consents']['post']['requestBody']['content']['application/json'];
/** What the referral form asks: the partner and the version of the consent text shown. */
export type SharingConsentInput = Required<Pick<ConsentBody, 'partnerId' | 'textVersion'>>;

export function recordSharingConsent(client: ApiClient, region: string, learnerId: string, input: SharingConsentInput) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/learners/{learnerId}/consents', {
      params: { path: { region, learnerId } },
      body: { purpose: 'partner_sharing', ...input },
    }),
  );
}

/** POST /api/v1/regions/{region}/learners/{learnerId}/consents with purpose partner_sharing. */
export function useRecordSharingConsent(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SharingConsentInput) => recordSharingConsent(client, region, learnerId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learnerConsentsQueryKey(region, learnerId) }),
  });
}
