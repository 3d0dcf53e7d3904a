import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { allPagesQueryOptions } from '@/lib/cursor-query';

export type PartnerReferral = components['schemas']['PartnerReferralDto'];
export type PartnerReferralStatus = PartnerReferral['status'];
type ListQuery = NonNullable<paths['/api/v1/partner/referrals']['get']['parameters']['query']>;
export type PartnerReferralFilters = Pick<ListQuery, 'status'>;

export const partnerReferralsRootQueryKey = ['partner', 'referrals'] as const;
export const partnerReferralsQueryKey = (filters: PartnerReferralFilters) =>
  [...partnerReferralsRootQueryKey, 'list', filters] as const;

/** Reads every page (oldest change first, as the API sends them): a partner has a manageable number. */
export function partnerReferralsQueryOptions(client: ApiClient, filters: PartnerReferralFilters) {
  return allPagesQueryOptions(partnerReferralsQueryKey(filters), (cursor, signal) =>
    client.GET('/api/v1/partner/referrals', { params: { query: { ...filters, limit: 100, cursor } }, signal }),
  );
}

/** GET /api/v1/partner/referrals?status=: the referrals addressed to the partner organisation. */
export function usePartnerReferrals(filters: PartnerReferralFilters) {
  const client = useApiClient();
  return useQuery({ ...partnerReferralsQueryOptions(client, filters), placeholderData: keepPreviousData });
}
