import { useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { allPagesQueryOptions } from '@/lib/cursor-query';

export type ActionItem = components['schemas']['ActionItemDto'];

export const actionItemsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'action-items', caseId] as const;

/** An action plan is short: the query reads every page (in the order the items were added). */
export function actionItemsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return allPagesQueryOptions(actionItemsQueryKey(region, caseId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases/{caseId}/action-items', {
      params: { path: { region, caseId }, query: { limit: 100, cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/cases/{caseId}/action-items: the action plan and the follow-ups. */
export function useActionItems(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(actionItemsQueryOptions(client, region, caseId));
}
