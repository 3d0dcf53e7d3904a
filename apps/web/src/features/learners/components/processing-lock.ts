import type { Learner } from '../api/learner-query';

/** Why nothing about a learner can be changed now: anonymised (for good) or restricted (until lifted); null: free. */
export type ProcessingLock = 'anonymised' | 'restricted' | null;

/** The same order as the API's check: an anonymised learner answers LEARNER.ANONYMISED even when restricted. */
export function processingLockOf(learner: Learner): ProcessingLock {
  if (learner.anonymisedAt !== null) return 'anonymised';
  if (learner.restriction !== null) return 'restricted';
  return null;
}
