import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type RegionSettings = components['schemas']['RegionSettingsDto'];

export const regionSettingsQueryKey = (region: string) => ['regions', region, 'settings'] as const;

export function regionSettingsQueryOptions(client: ApiClient, region: string) {
  return queryOptions({
    queryKey: regionSettingsQueryKey(region),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/regions/{region}/settings', { params: { path: { region } }, signal })),
  });
}

/** GET /api/v1/regions/{region}/settings (any member of the region). */
export function useRegionSettings(region: string) {
  const client = useApiClient();
  return useQuery(regionSettingsQueryOptions(client, region));
}
