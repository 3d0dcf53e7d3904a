import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Case = components['schemas']['CaseDto'];
export type CaseStatus = Case['status'];
type ListCasesQuery = NonNullable<paths['/api/v1/regions/{region}/cases']['get']['parameters']['query']>;
/** The filters this app uses: my caseload (`mine`), a status, or the cases of one learner. */
export type CaseFilters = Pick<ListCasesQuery, 'status' | 'mine' | 'learnerId'>;

/** Every list of cases of `region` (any filters). */
export const caseListsQueryKey = (region: string) => ['regions', region, 'cases', 'list'] as const;
export const casesQueryKey = (region: string, filters: CaseFilters) => [...caseListsQueryKey(region), filters] as const;

export function casesQueryOptions(client: ApiClient, region: string, filters: CaseFilters) {
  return cursorListQueryOptions(casesQueryKey(region, filters), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases', {
      params: { path: { region }, query: { ...filters, cursor } },
      signal,
    }),
  );
}

/**
 * GET /api/v1/regions/{region}/cases (overdue and earliest due first), page by page. While another
 * filter loads, the previous rows stay on screen.
 */
export function useCases(region: string, filters: CaseFilters) {
  const client = useApiClient();
  return useInfiniteQuery({ ...casesQueryOptions(client, region, filters), placeholderData: keepPreviousData });
}
