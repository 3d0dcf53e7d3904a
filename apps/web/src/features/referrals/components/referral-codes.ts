import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import type { ReferralStatus } from '../api/referrals-query';
import type { ReferralTransitionBody } from '../api/transition-referral-mutation';

const REFERRAL_STATUSES = codes(CODE_LISTS.referralStatuses);

export type DeclineReason = NonNullable<ReferralTransitionBody['reason']>;

/** The reasons a region records when the learner pulls out ("lerende haakt af"). */
export const LEARNER_DECLINE_REASONS = [
  'learner_not_interested',
  'learner_unreachable',
  'learner_practical',
  'other',
] as const satisfies readonly DeclineReason[];

export function isReferralStatus(value: string | null | undefined): value is ReferralStatus {
  return value !== null && value !== undefined && (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function isLearnerDeclineReason(value: string): value is (typeof LEARNER_DECLINE_REASONS)[number] {
  return (LEARNER_DECLINE_REASONS as readonly string[]).includes(value);
}
