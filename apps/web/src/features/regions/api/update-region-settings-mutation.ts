import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { regionSettingsQueryKey } from './region-settings-query';

export type RegionSettingsChanges =
  paths['/api/v1/regions/{region}/settings']['patch']['requestBody']['content']['application/json'];

export function updateRegionSettings(client: ApiClient, region: string, body: RegionSettingsChanges) {
  return dataOf(client.PATCH('/api/v1/regions/{region}/settings', { params: { path: { region } }, body }));
}

/** PATCH /api/v1/regions/{region}/settings (coordinators). */
export function useUpdateRegionSettings(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegionSettingsChanges) => updateRegionSettings(client, region, body),
    onSuccess: (settings) => {
      queryClient.setQueryData(regionSettingsQueryKey(region), settings);
      return queryClient.invalidateQueries({ queryKey: regionSettingsQueryKey(region) });
    },
  });
}
