import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type IndicatorReport = components['schemas']['IndicatorReportDto'];
export type IndicatorTable = IndicatorReport['indicators'][number];
export type IndicatorRow = IndicatorTable['rows'][number];
export type CentralIndicatorQuery = NonNullable<paths['/api/v1/central/indicators']['get']['parameters']['query']>;
/** The filters of the support point's dashboard, as the API takes them (`regions` comma-separated; absent: all). */
export type CentralIndicatorFilters = Required<Pick<CentralIndicatorQuery, 'from' | 'to'>> &
  Pick<CentralIndicatorQuery, 'kind' | 'regions'>;
/** The one breakdown each dashboard call asks for: per month (the trend) or per region (the comparison). */
export type IndicatorBreakdown = 'month' | 'region';

/** Every answer of the support point's indicators (any filters). */
export const centralIndicatorsRootQueryKey = ['central', 'indicators'] as const;
export const centralIndicatorsQueryKey = (filters: CentralIndicatorFilters, groupBy: IndicatorBreakdown) =>
  [...centralIndicatorsRootQueryKey, groupBy, filters] as const;

export function centralIndicatorsQueryOptions(
  client: ApiClient,
  filters: CentralIndicatorFilters,
  groupBy: IndicatorBreakdown,
) {
  return queryOptions({
    queryKey: centralIndicatorsQueryKey(filters, groupBy),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/central/indicators', { params: { query: { ...filters, groupBy } }, signal })),
    // The figures are recomputed in the background now and then (refreshedAt): no need to ask often.
    staleTime: 5 * 60_000,
  });
}

/**
 * GET /api/v1/central/indicators?groupBy=: aggregates over the chosen regions, small counts suppressed.
 * While other filters load, the previous figures stay on screen.
 */
export function useCentralIndicators(filters: CentralIndicatorFilters, groupBy: IndicatorBreakdown) {
  const client = useApiClient();
  return useQuery({ ...centralIndicatorsQueryOptions(client, filters, groupBy), placeholderData: keepPreviousData });
}
