import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';

export type ReferralStatus =
  | 'sent'
  | 'received'
  | 'accepted'
  | 'waitlisted'
  | 'declined'
  | 'scheduled'
  | 'enrolled'
  | 'started'
  | 'completed'
  | 'dropped_out'
  | 'no_show'
  | 'expired'
  | 'withdrawn';

export type ReferralActor = 'partner' | 'region' | 'system';

/**
 * Referral states for education (the closed loop): the partner reports received → accepted | waitlisted |
 * declined → scheduled (with a start date) → enrolled → started → completed | dropped_out, or no_show; the
 * region may withdraw an open referral or record that the learner declined; the system expires a referral the
 * partner did not answer in time.
 */
const PARTNER_MOVES: Partial<Record<ReferralStatus, ReferralStatus[]>> = {
  sent: ['received', 'accepted', 'waitlisted', 'declined'],
  received: ['accepted', 'waitlisted', 'declined'],
  waitlisted: ['accepted', 'declined'],
  accepted: ['scheduled', 'enrolled', 'declined'],
  scheduled: ['enrolled', 'no_show', 'declined'],
  enrolled: ['started', 'no_show'],
  started: ['completed', 'dropped_out'],
};

const FINAL: ReferralStatus[] = ['declined', 'completed', 'dropped_out', 'no_show', 'expired', 'withdrawn'];
const UNANSWERED: ReferralStatus[] = ['sent', 'received'];

export function isFinal(status: ReferralStatus): boolean {
  return FINAL.includes(status);
}

export function allowedFor(actor: ReferralActor, from: ReferralStatus): ReferralStatus[] {
  if (actor === 'partner') return PARTNER_MOVES[from] ?? [];
  if (actor === 'region') return isFinal(from) ? [] : ['withdrawn', 'declined'];
  return UNANSWERED.includes(from) ? ['expired'] : [];
}

export interface ReferralTransitionRequest {
  actor: ReferralActor;
  from: ReferralStatus;
  to: ReferralStatus;
  reason?: string;
  startDate?: string;
}

export function checkReferralTransition(request: ReferralTransitionRequest): void {
  const allowed = allowedFor(request.actor, request.from);
  if (!allowed.includes(request.to)) {
    throw new DomainError(
      ProblemCode.INVALID_REFERRAL_TRANSITION,
      409,
      'Transition not allowed',
      `A referral in status "${request.from}" cannot go to "${request.to}"${request.actor === 'partner' ? ' by the partner' : request.actor === 'region' ? ' by the leerwinkel' : ''}. Allowed: ${allowed.join(', ') || 'none'}.`,
      undefined,
      { from: request.from, to: request.to, allowed },
    );
  }
  if (request.to === 'declined' && !request.reason) {
    throw DomainError.validation([{ field: 'reason', message: 'reason (a decline reason code) is required to decline', rule: 'requiredToDecline' }]);
  }
  if (request.to === 'scheduled' && !request.startDate) {
    throw DomainError.validation([{ field: 'startDate', message: 'startDate is required to schedule', rule: 'requiredToSchedule' }]);
  }
}
