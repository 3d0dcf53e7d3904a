import { useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { allPagesQueryOptions } from '@/lib/cursor-query';

export type CaseTransition = components['schemas']['CaseTransitionDto'];

export const transitionsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'transitions', caseId] as const;

/** A case has a handful of status changes: the query reads every page (oldest first, as the API sends them). */
export function transitionsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return allPagesQueryOptions(transitionsQueryKey(region, caseId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases/{caseId}/transitions', {
      params: { path: { region, caseId }, query: { limit: 100, cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/cases/{caseId}/transitions, all of them. */
export function useTransitions(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(transitionsQueryOptions(client, region, caseId));
}
