import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';
import { useAllPages } from '@/lib/use-all-pages';

export type Consent = components['schemas']['ConsentDto'];

/**
 * The same key (and pages) as the learner page's consents, on purpose: both share one cache entry,
 * so a consent recorded here shows there and each page is read (and logged) once.
 */
export const learnerConsentsQueryKey = (region: string, learnerId: string) =>
  ['regions', region, 'learners', 'consents', learnerId] as const;

export function learnerConsentsQueryOptions(client: ApiClient, region: string, learnerId: string) {
  return {
    ...cursorListQueryOptions(learnerConsentsQueryKey(region, learnerId), (cursor, signal) =>
      client.GET('/api/v1/regions/{region}/learners/{learnerId}/consents', {
        params: { path: { region, learnerId }, query: { cursor } },
        signal,
      }),
    ),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  };
}

/** The learner's active partner_sharing consent for `partnerId`, if any. */
export function activeSharingConsent(consents: readonly Consent[], partnerId: string): Consent | undefined {
  return consents.find(
    (consent) =>
      consent.purpose === 'partner_sharing' && consent.partnerId === partnerId && consent.withdrawnAt === null,
  );
}

/**
 * GET /api/v1/regions/{region}/learners/{learnerId}/consents, every page: whether sharing with a partner is allowed
 * is decided on all of them (`complete`), never on the first page alone.
 */
export function useLearnerConsents(region: string, learnerId: string) {
  const client = useApiClient();
  const query = useInfiniteQuery(learnerConsentsQueryOptions(client, region, learnerId));
  return { query, ...useAllPages(query) };
}
