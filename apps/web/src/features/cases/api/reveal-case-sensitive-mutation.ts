import { useMutation } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';


export function revealCaseSensitive(client: ApiClient, region: string, caseId: string) {
  return dataOf(
    client.GET('/api/v1/regions/{region}/cases/{caseId}/sensitive', { params: { path: { region, caseId } } }),
  );
}

/**
 * GET /api/v1/regions/{region}/cases/{caseId}/sensitive: whether health is a barrier (a special category of data),
 * for the case's counsellor and the coordinators only (403 otherwise). Every read is audited, so it is a user action
 * (a mutation), never a query that could run by itself.
 */
export function useRevealCaseSensitive(region: string, caseId: string) {
  const client = useApiClient();
  return useMutation({ mutationFn: () => revealCaseSensitive(client, region, caseId) });
}
