import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type PartnerClient = components['schemas']['ClientDto'];
/** A client with its secret: only ever in the answer of create / rotate, never cached. */
export type PartnerClientSecret = components['schemas']['ClientSecretDto'];

export const partnerClientsQueryKey = (partnerId: string) => ['admin', 'partners', partnerId, 'clients'] as const;

/** GET /api/v1/admin/partners/{partnerId}/clients (never the secrets), oldest first, page by page. */
export function partnerClientsQueryOptions(client: ApiClient, partnerId: string) {
  return cursorListQueryOptions(partnerClientsQueryKey(partnerId), (cursor, signal) =>
    client.GET('/api/v1/admin/partners/{partnerId}/clients', {
      params: { path: { partnerId }, query: { cursor } },
      signal,
    }),
  );
}

export function usePartnerClients(partnerId: string) {
  const client = useApiClient();
  return useInfiniteQuery(partnerClientsQueryOptions(client, partnerId));
}
