import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type OfferGap = components['schemas']['OfferGapDto'];

export const offerGapsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'offer-gaps', caseId] as const;

export function offerGapsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return cursorListQueryOptions(offerGapsQueryKey(region, caseId), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/cases/{caseId}/offer-gaps', {
      params: { path: { region, caseId }, query: { cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/cases/{caseId}/offer-gaps: the case's "no suitable offer" signals, newest first, page by page. */
export function useOfferGaps(region: string, caseId: string) {
  const client = useApiClient();
  return useInfiniteQuery(offerGapsQueryOptions(client, region, caseId));
}
