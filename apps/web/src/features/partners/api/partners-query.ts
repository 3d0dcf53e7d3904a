import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Partner = components['schemas']['PartnerDto'];

export const partnersQueryKey = ['admin', 'partners'] as const;

export function partnersQueryOptions(client: ApiClient) {
  return cursorListQueryOptions(partnersQueryKey, (cursor, signal) =>
    client.GET('/api/v1/admin/partners', { params: { query: { cursor } }, signal }),
  );
}

/** GET /api/v1/admin/partners, page by page (platform admins). */
export function usePartners() {
  const client = useApiClient();
  return useInfiniteQuery(partnersQueryOptions(client));
}
