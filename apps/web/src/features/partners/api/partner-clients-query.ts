import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type PartnerClient = components['schemas']['ClientDto'];
/** A client with its secret: only ever in the answer of create / rotate, never cached. */
export type PartnerClientSecret = components['schemas']['ClientSecretDto'];

export const partnerClientsQueryKey = (partnerId: string) => ['admin', 'partners', partnerId, 'clients'] as const;

/**
 * GET /api/v1/admin/partners/{partnerId}/clients (never the secrets). The answer has a
 * `nextCursor`, but the operation takes no `cursor` parameter (yet): one page only.
 */
export function partnerClientsQueryOptions(client: ApiClient, partnerId: string) {
  return queryOptions({
    queryKey: partnerClientsQueryKey(partnerId),
    queryFn: ({ signal }) =>
      dataOf(client.GET('/api/v1/admin/partners/{partnerId}/clients', { params: { path: { partnerId } }, signal })),
  });
}

export function usePartnerClients(partnerId: string) {
  const client = useApiClient();
  return useQuery(partnerClientsQueryOptions(client, partnerId));
}
