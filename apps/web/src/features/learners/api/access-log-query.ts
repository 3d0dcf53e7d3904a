import { useInfiniteQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';


export const accessLogQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'access-log', learnerId] as const;

export function accessLogQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return cursorListQueryOptions(accessLogQueryKey(region, learnerId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/learners/{learnerId}/access-log', {
      params: { path: { region, learnerId }, query: { cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/learners/{learnerId}/access-log (coordinators only), page by page. */
export function useAccessLog(region: string, learnerId: string) {
  const client = useApiClient();
  return useInfiniteQuery(accessLogQueryOptions(client, region, learnerId));
}
