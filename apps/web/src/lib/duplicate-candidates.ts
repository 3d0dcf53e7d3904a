import type { components } from '@leerwinkel/contracts';
import { problemCodeOf, problemMember } from './problem';

/** A similar learner the API found (409 LEARNER.POSSIBLE_DUPLICATE, when registering or accepting a registration). */
export type DuplicateCandidate = components['schemas']['ProblemCandidateDto'];

function isCandidate(value: unknown): value is DuplicateCandidate {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'firstName' in value &&
    typeof value.firstName === 'string' &&
    'lastName' in value &&
    typeof value.lastName === 'string' &&
    'dateOfBirth' in value &&
    typeof value.dateOfBirth === 'string'
  );
}

/** The similar learners of a 409 LEARNER.POSSIBLE_DUPLICATE answer; undefined for any other error. */
export function duplicateCandidates(error: unknown): DuplicateCandidate[] | undefined {
  if (problemCodeOf(error) !== 'LEARNER.POSSIBLE_DUPLICATE') return undefined;
  const candidates = problemMember(error, 'candidates');
  return Array.isArray(candidates) ? candidates.filter(isCandidate) : [];
}
