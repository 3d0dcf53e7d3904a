import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Contact = components['schemas']['ContactDto'];

export const contactsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'contacts', caseId] as const;

export function contactsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return cursorListQueryOptions(contactsQueryKey(region, caseId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases/{caseId}/contacts', {
      params: { path: { region, caseId }, query: { cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/cases/{caseId}/contacts: conversations, newest first, page by page. */
export function useContacts(region: string, caseId: string) {
  const client = useApiClient();
  return useInfiniteQuery(contactsQueryOptions(client, region, caseId));
}
