import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { cursorListQueryOptions } from '@/lib/cursor-query';

export type Referral = components['schemas']['ReferralDto'];
export type ReferralStatus = Referral['status'];
export type ReferralPacket = components['schemas']['ReferralPacketDto'];
export type ReferralEvent = components['schemas']['ReferralEventDto'];
export type ShareChoice = components['schemas']['ShareChoiceDto'];
type ListReferralsQuery = NonNullable<paths['/api/v1/regions/{region}/referrals']['get']['parameters']['query']>;
/** The filters of the region's list: a status, and only the overdue ones. */
export type ReferralFilters = Pick<ListReferralsQuery, 'status' | 'overdue'>;

/** Everything about the referrals of `region` (lists, single ones, those of a case). */
export const regionReferralsQueryKey = (region: string) => ['regions', region, 'referrals'] as const;
export const referralListsQueryKey = (region: string) => [...regionReferralsQueryKey(region), 'list'] as const;
export const referralsQueryKey = (region: string, filters: ReferralFilters) =>
  [...referralListsQueryKey(region), filters] as const;

export function referralsQueryOptions(client: ApiClient, region: string, filters: ReferralFilters) {
  return cursorListQueryOptions(referralsQueryKey(region, filters), (cursor, signal) =>
    client.GET('/api/v1/regions/{region}/referrals', {
      params: { path: { region }, query: { ...filters, cursor } },
      signal,
    }),
  );
}

/** GET /api/v1/regions/{region}/referrals (newest first), page by page; the previous rows stay while a filter loads. */
export function useReferrals(region: string, filters: ReferralFilters) {
  const client = useApiClient();
  return useInfiniteQuery({ ...referralsQueryOptions(client, region, filters), placeholderData: keepPreviousData });
}
