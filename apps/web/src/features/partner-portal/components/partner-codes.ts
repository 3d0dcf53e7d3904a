import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import type { PartnerReferralStatus } from '../api/partner-referrals-query';
import type { PartnerTransitionBody } from '../api/transition-partner-referral-mutation';

const STATUSES = codes(CODE_LISTS.referralStatuses);
const DECLINE_REASONS = codes(CODE_LISTS.declineReasons);

export type DeclineReason = NonNullable<PartnerTransitionBody['reason']>;

export function isPartnerReferralStatus(value: string | null | undefined): value is PartnerReferralStatus {
  return value !== null && value !== undefined && (STATUSES as readonly string[]).includes(value);
}

export function isDeclineReason(value: string): value is DeclineReason {
  return (DECLINE_REASONS as readonly string[]).includes(value);
}
