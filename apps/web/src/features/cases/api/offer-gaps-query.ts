import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type OfferGap = components['schemas']['OfferGapDto'];

export const offerGapsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'offer-gaps', caseId] as const;

export function offerGapsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return infiniteQueryOptions({
    queryKey: offerGapsQueryKey(region, caseId),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/cases/{caseId}/offer-gaps', {
          params: { path: { region, caseId }, query: { cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}/offer-gaps: the case's "no suitable offer" signals, newest first, page by page. */
export function useOfferGaps(region: string, caseId: string) {
  const client = useApiClient();
  return useInfiniteQuery(offerGapsQueryOptions(client, region, caseId));
}
