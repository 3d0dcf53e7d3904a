import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type CaseTransition = components['schemas']['CaseTransitionDto'];

export const transitionsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'transitions', caseId] as const;

/** A case has a handful of status changes: the query reads every page (oldest first, as the API sends them). */
export function transitionsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return queryOptions({
    queryKey: transitionsQueryKey(region, caseId),
    queryFn: async ({ signal }) => {
      const items: CaseTransition[] = [];
      let cursor: string | undefined;
      do {
        const page = await dataOf(
          client.GET('/api/v1/regions/{region}/cases/{caseId}/transitions', {
            params: { path: { region, caseId }, query: { limit: 100, cursor } },
            signal,
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return items;
    },
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}/transitions, all of them. */
export function useTransitions(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(transitionsQueryOptions(client, region, caseId));
}
