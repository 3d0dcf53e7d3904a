import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';

export type CaseStatus = 'registered' | 'intake' | 'guidance' | 'follow_up' | 'closed';

/**
 * The lifecycle of a case: registered → intake → guidance → follow_up → closed, one step forward at a time,
 * closing from any open state (an info case often closes right after registration), and reopening a closed
 * case to intake or guidance with a reason.
 */
const FORWARD: Record<CaseStatus, CaseStatus[]> = {
  registered: ['intake', 'closed'],
  intake: ['guidance', 'closed'],
  guidance: ['follow_up', 'closed'],
  follow_up: ['closed'],
  closed: ['intake', 'guidance'],
};

export interface TransitionRequest {
  from: CaseStatus;
  to: CaseStatus;
  note?: string;
  exitReason?: string;
  objectivesMet?: string;
}

/** Throws the problem a client gets for an impossible or incomplete transition. */
export function checkTransition(request: TransitionRequest): void {
  if (!FORWARD[request.from].includes(request.to)) {
    throw new DomainError(
      ProblemCode.INVALID_TRANSITION,
      409,
      'Transition not allowed',
      `A case in status "${request.from}" cannot go to "${request.to}". Allowed: ${FORWARD[request.from].join(', ') || 'none'}.`,
      undefined,
      { from: request.from, to: request.to, allowed: FORWARD[request.from] },
    );
  }
  if (request.to === 'closed' && (!request.exitReason || !request.objectivesMet)) {
    throw DomainError.validation(
      [
        ...(request.exitReason ? [] : [{ field: 'exitReason', message: 'exitReason is required to close a case', rule: 'requiredToClose' }]),
        ...(request.objectivesMet ? [] : [{ field: 'objectivesMet', message: 'objectivesMet is required to close a case', rule: 'requiredToClose' }]),
      ],
      'Closing a case needs the exit reason and whether the objectives were met.',
    );
  }
  if (request.to !== 'closed' && (request.exitReason !== undefined || request.objectivesMet !== undefined)) {
    throw DomainError.validation([{ field: 'exitReason', message: 'exitReason and objectivesMet belong to closing only', rule: 'onlyWhenClosing' }]);
  }
  if (request.from === 'closed' && !request.note?.trim()) {
    throw DomainError.validation([{ field: 'note', message: 'note (the reason) is required to reopen a case', rule: 'requiredToReopen' }]);
  }
}

export function allowedNext(status: CaseStatus): CaseStatus[] {
  return FORWARD[status];
}

/** Months after closing at which a follow-up is planned. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
