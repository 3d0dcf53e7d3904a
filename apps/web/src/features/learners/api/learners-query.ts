import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type LearnerSummary = components['schemas']['LearnerSummaryDto'];
type ListLearnersQuery = NonNullable<paths['/api/v1/regions/{region}/learners']['get']['parameters']['query']>;
/** The filters of the search page: a name (tolerant search) and an exact date of birth. */
export type LearnerFilters = Pick<ListLearnersQuery, 'q' | 'dateOfBirth'>;

/** Every list of learners of `region` (any filters). */
export const learnerListsQueryKey = (region: string) => ['regions', region, 'learners', 'list'] as const;
export const learnersQueryKey = (region: string, filters: LearnerFilters) =>
  [...learnerListsQueryKey(region), filters] as const;

export function learnersQueryOptions(client: ApiClient, region: string, filters: LearnerFilters) {
  return cursorListQueryOptions(learnersQueryKey(region, filters), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/learners', {
      params: { path: { region }, query: { ...filters, cursor } },
      signal,
    }),
  );
}

/**
 * GET /api/v1/regions/{region}/learners?q=&dateOfBirth=, page by page ("Meer laden"). While a new
 * search runs, the previous results stay on screen.
 */
export function useLearners(region: string, filters: LearnerFilters) {
  const client = useApiClient();
  return useInfiniteQuery({ ...learnersQueryOptions(client, region, filters), placeholderData: keepPreviousData });
}
