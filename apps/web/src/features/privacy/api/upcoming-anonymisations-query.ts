import { useInfiniteQuery } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';


export const upcomingAnonymisationsQueryKey = (region: string, days: number) =>
  ['regions', region, 'retention', 'upcoming', days] as const;

export function upcomingAnonymisationsQueryOptions(client: ApiClient, region: string, days: number) {
  return cursorListQueryOptions(upcomingAnonymisationsQueryKey(region, days), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/retention/upcoming', {
      params: { path: { region }, query: { days, cursor } },
      signal,
    }),
  );
}

/**
 * GET /api/v1/regions/{region}/retention/upcoming?days= (coordinators): the learners the nightly retention job will
 * anonymise within `days`, soonest first, page by page ("Meer laden"), with the region's retention periods.
 */
export function useUpcomingAnonymisations(region: string, days: number) {
  const client = useApiClient();
  return useInfiniteQuery(upcomingAnonymisationsQueryOptions(client, region, days));
}
