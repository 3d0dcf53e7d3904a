import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';
import { partnersQueryKey } from './partners-query';

export type CreatePartnerBody = paths['/api/v1/admin/partners']['post']['requestBody']['content']['application/json'];

export function createPartner(client: ApiClient, body: CreatePartnerBody) {
  return dataOf(client.POST('/api/v1/admin/partners', { body }));
}

/** POST /api/v1/admin/partners. */
export function useCreatePartner() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartnerBody) => createPartner(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnersQueryKey }),
  });
}
