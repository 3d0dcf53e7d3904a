import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { consentsQueryKey } from './consents-query';

export type AddConsentBody =
  paths['/api/v1/regions/{region}/learners/{learnerId}/consents']['post']['requestBody']['content']['application/json'];

export function addConsent(client: ApiClient, region: string, learnerId: string, body: AddConsentBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/learners/{learnerId}/consents', {
      params: { path: { region, learnerId } },
      body,
    }),
  );
}

/** POST /api/v1/regions/{region}/learners/{learnerId}/consents. */
export function useAddConsent(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddConsentBody) => addConsent(client, region, learnerId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentsQueryKey(region, learnerId) }),
  });
}
