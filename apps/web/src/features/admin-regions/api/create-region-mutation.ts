import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { adminRegionsQueryKey } from './admin-regions-query';

export type CreateRegionBody = paths['/api/v1/admin/regions']['post']['requestBody']['content']['application/json'];

export function createRegion(client: ApiClient, body: CreateRegionBody) {
  return dataOf(client.POST('/api/v1/admin/regions', { body }));
}

/** POST /api/v1/admin/regions: provisions a region. */
export function useCreateRegion() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRegionBody) => createRegion(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminRegionsQueryKey }),
  });
}
