import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type OfferGap = components['schemas']['OfferGapDto'];

export const offerGapsQueryKey = (region: string, caseId: string) =>
  ['regions', region, 'cases', 'offer-gaps', caseId] as const;

export function offerGapsQueryOptions(client: ApiClient, region: string, caseId: string) {
  return queryOptions({
    queryKey: offerGapsQueryKey(region, caseId),
    queryFn: async ({ signal }) =>
      (
        await dataOf(
          client.GET('/api/v1/regions/{region}/cases/{caseId}/offer-gaps', {
            params: { path: { region, caseId } },
            signal,
          }),
        )
      ).items,
  });
}

/** GET /api/v1/regions/{region}/cases/{caseId}/offer-gaps: the case's "no suitable offer" signals, newest first. */
export function useOfferGaps(region: string, caseId: string) {
  const client = useApiClient();
  return useQuery(offerGapsQueryOptions(client, region, caseId));
}
