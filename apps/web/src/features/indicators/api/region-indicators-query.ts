import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type RegionIndicatorReport = components['schemas']['RegionIndicatorReportDto'];
export type CaseloadRow = RegionIndicatorReport['caseload'][number];
export type RegionIndicatorQuery = NonNullable<
  paths['/api/v1/regions/{region}/indicators']['get']['parameters']['query']
>;
/** The filters of a coordinator's dashboard, as the API takes them. */
export type RegionIndicatorFilters = Required<Pick<RegionIndicatorQuery, 'from' | 'to'>> &
  Pick<RegionIndicatorQuery, 'kind'>;

export const regionIndicatorsQueryKey = (region: string, filters: RegionIndicatorFilters) =>
  ['regions', region, 'indicators', filters] as const;

export function regionIndicatorsQueryOptions(client: ApiClient, region: string, filters: RegionIndicatorFilters) {
  return queryOptions({
    queryKey: regionIndicatorsQueryKey(region, filters),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/indicators', {
          // Per month: the trend; the rows with month null are the period's totals.
          params: { path: { region }, query: { ...filters, groupBy: 'month' } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}

/**
 * GET /api/v1/regions/{region}/indicators?groupBy=month: the region's own figures (not suppressed) and the
 * open cases per counsellor. Coordinators only.
 */
export function useRegionIndicators(region: string, filters: RegionIndicatorFilters) {
  const client = useApiClient();
  return useQuery({ ...regionIndicatorsQueryOptions(client, region, filters), placeholderData: keepPreviousData });
}
