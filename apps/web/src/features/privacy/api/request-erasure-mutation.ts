import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { erasureRequestListsQueryKey } from './erasure-requests-query';

export type RequestErasureBody = components['schemas']['CreateErasureRequestDto'];

export function requestErasure(client: ApiClient, region: string, learnerId: string, body: RequestErasureBody) {
  return dataOf(
    client.POST('/api/v1/regions/{region}/learners/{learnerId}/erasure-requests', {
      params: { path: { region, learnerId } },
      body,
    }),
  );
}

/**
 * POST …/learners/{learnerId}/erasure-requests (coordinators): asks for the erasure of a learner (GDPR Art. 17) on a
 * ground; nothing is erased until another coordinator confirms. 409 RESOURCE.CONFLICT when one is already waiting.
 */
export function useRequestErasure(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestErasureBody) => requestErasure(client, region, learnerId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: erasureRequestListsQueryKey(region) }),
  });
}
