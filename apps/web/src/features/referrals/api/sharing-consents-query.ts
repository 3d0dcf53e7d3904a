import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { dataOf } from '@/lib/api-result';

export type Consent = components['schemas']['ConsentDto'];

/**
 * The same key (and answer) as the learner page's consents, on purpose: both share one cache entry,
 * so a consent recorded here shows there and the read is logged once.
 */
export const learnerConsentsQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'consents', learnerId] as const;

export function learnerConsentsQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return queryOptions({
    queryKey: learnerConsentsQueryKey(region, learnerId),
    queryFn: ({ signal }) =>
      dataOf(
        client.GET('/api/v1/regions/{region}/learners/{learnerId}/consents', {
          params: { path: { region, learnerId } },
          signal,
        }),
      ),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** The learner's active partner_sharing consent for `partnerId`, if any. */
export function activeSharingConsent(consents: readonly Consent[], partnerId: string): Consent | undefined {
  return consents.find(
    (consent) =>
      consent.purpose === 'partner_sharing' && consent.partnerId === partnerId && consent.withdrawnAt === null,
  );
}

/** GET /api/v1/regions/{region}/learners/{learnerId}/consents: read to know whether sharing with a partner is allowed. */
export function useLearnerConsents(region: string, learnerId: string) {
  const client = useApiClient();
  return useQuery(learnerConsentsQueryOptions(client, region, learnerId));
}
