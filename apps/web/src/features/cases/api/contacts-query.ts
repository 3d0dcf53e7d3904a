import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Contact = components['schemas']['ContactDto'];

export const contactsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'contacts', caseId] as const;

export function contactsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return infiniteQueryOptions({
    queryKey: contactsQueryKey(region, caseId),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/cases/{caseId}/contacts', {
          params: { path: { region, caseId }, query: { cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}/contacts: conversations, newest first, page by page. */
export function useContacts(region: string, caseId: string) {
  const client = useApiClient();
  return useInfiniteQuery(contactsQueryOptions(client, region, caseId));
}
