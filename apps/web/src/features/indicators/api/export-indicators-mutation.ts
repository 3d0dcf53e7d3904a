import { useMutation } from '@tanstack/react-query';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { fileOf } from '@/lib/download';
import type { CentralIndicatorFilters, CentralIndicatorQuery } from './central-indicators-query';
import type { RegionIndicatorFilters } from './region-indicators-query';

/** The file formats of the indicator endpoints (besides JSON). */
export type IndicatorFileFormat = Exclude<NonNullable<CentralIndicatorQuery['format']>, 'json'>;

/**
 * GET /api/v1/central/indicators?format=csv|xlsx: the dashboard's view as a file, broken down per region
 * and per month (the figures of both charts in one file), with the server's file name.
 */
export function exportCentralIndicators(
  client: ApiClient,
  filters: CentralIndicatorFilters,
  format: IndicatorFileFormat,
) {
  return fileOf(
    client.GET('/api/v1/central/indicators', {
      params: { query: { ...filters, groupBy: 'region,month', format } },
      parseAs: 'blob',
    }),
    `leerwinkel-indicatoren.${format}`,
  );
}

/** GET /api/v1/regions/{region}/indicators?format=csv|xlsx: the coordinator's view as a file. */
export function exportRegionIndicators(
  client: ApiClient,
  region: string,
  filters: RegionIndicatorFilters,
  format: IndicatorFileFormat,
) {
  return fileOf(
    client.GET('/api/v1/regions/{region}/indicators', {
      params: { path: { region }, query: { ...filters, groupBy: 'month', format } },
      parseAs: 'blob',
    }),
    `indicatoren-${region}.${format}`,
  );
}

/** Downloads the support point's view as CSV or Excel (the caller saves the file). */
export function useExportCentralIndicators(filters: CentralIndicatorFilters) {
  const client = useApiClient();
  return useMutation({ mutationFn: (format: IndicatorFileFormat) => exportCentralIndicators(client, filters, format) });
}

/** Downloads the coordinator's view as CSV or Excel (the caller saves the file). */
export function useExportRegionIndicators(region: string, filters: RegionIndicatorFilters) {
  const client = useApiClient();
  return useMutation({
    mutationFn: (format: IndicatorFileFormat) => exportRegionIndicators(client, region, filters, format),
  });
}
