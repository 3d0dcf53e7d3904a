import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type LearnerHistoryEntry = components['schemas']['LearnerHistoryEntryDto'];

export const learnerHistoryQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'history', learnerId] as const;

export function learnerHistoryQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return {
    ...cursorListQueryOptions(learnerHistoryQueryKey(region, learnerId), (cursor, signal) =>
      client.GET('/api/v1/regions/{region}/learners/{learnerId}/history', {
        params: { path: { region, learnerId }, query: { cursor } },
        signal,
      }),
    ),
    // Changes made here invalidate it; no second read just because the window got focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  };
}

/**
 * GET /api/v1/regions/{region}/learners/{learnerId}/history: the corrections of the learner's data (rectification),
 * newest first, with the old and the new value (the INSZ only as "changed"), page by page.
 */
export function useLearnerHistory(region: string, learnerId: string) {
  const client = useApiClient();
  return useInfiniteQuery(learnerHistoryQueryOptions(client, region, learnerId));
}
