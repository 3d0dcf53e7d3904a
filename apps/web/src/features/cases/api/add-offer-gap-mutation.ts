import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { offerGapsQueryKey } from './offer-gaps-query';

export type AddOfferGapBody =
  paths['/api/v1/regions/{region}/cases/{caseId}/offer-gaps']['post']['requestBody']['content']['application/json'];

export function addOfferGap(client: ApiClient, region: string, caseId: string, body: AddOfferGapBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/cases/{caseId}/offer-gaps', { params: { path: { region, caseId } }, body }),
  );
}

/** POST …/offer-gaps: signals that no suitable offer exists for a theme (counted per theme for the support point). */
export function useAddOfferGap(region: string, caseId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddOfferGapBody) => addOfferGap(client, region, caseId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: offerGapsQueryKey(region, caseId) }),
  });
}
