import type { EntityManager } from 'typeorm';
import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../../common/problem/domain-error.js';
import type { LearnersRepository } from './learners.repository.js';

/**
 * The one check before any change to a learner's data (the learner, a case, a contact, a referral, …):
 * unknown → 404; restricted (GDPR Art. 18) or anonymised → 409, and nothing is changed.
 */
export async function assertMayProcess(learners: LearnersRepository, manager: EntityManager, learnerId: string): Promise<void> {
  const state = await learners.processingState(manager, learnerId);
  if (!state) throw DomainError.notFound('This learner');
  if (state.anonymised) {
    throw new DomainError(ProblemCode.LEARNER_ANONYMISED, 409, 'Anonymised', "This learner's data was anonymised after the retention period and can no longer be changed.");
  }
  if (state.restricted) {
    throw new DomainError(ProblemCode.LEARNER_RESTRICTED, 409, 'Processing restricted', 'Processing of this learner is restricted: lift the restriction before changing anything.');
  }
}
