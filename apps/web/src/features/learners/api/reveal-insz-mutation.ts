import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { accessLogQueryKey } from './access-log-query';

export function revealInsz(client: ApiClient, region: string, learnerId: string) {
  return dataOf(
    client.GET('/api/v1/regions/{region}/learners/{learnerId}/insz', { params: { path: { region, learnerId } } }),
  );
}

/**
 * GET /api/v1/regions/{region}/learners/{learnerId}/insz, only on an explicit request: each reveal
 * is audited, so it is a user action (a mutation), never a query that could run by itself.
 */
export function useRevealInsz(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revealInsz(client, region, learnerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessLogQueryKey(region, learnerId) }),
  });
}
