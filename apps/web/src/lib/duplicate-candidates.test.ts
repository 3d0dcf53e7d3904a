import { describe, expect, it } from 'vitest';
import { duplicateCandidates } from './duplicate-candidates';
import { ApiProblemError } from './problem';

const problem = (code: string, extra: Record<string, unknown> = {}) =>
  new ApiProblemError(409, { type: `urn:leerwinkel:problem:${code}`, title: code, status: 409, code, ...extra });

describe('duplicateCandidates', () => {
  it('gives the well-formed candidates of a LEARNER.POSSIBLE_DUPLICATE answer and drops malformed ones', () => {
    const an = { id: 'l-1', firstName: 'An', lastName: 'Peeters', dateOfBirth: '1990-01-01' };
    const error = problem('LEARNER.POSSIBLE_DUPLICATE', { candidates: [an, { id: 'l-2', firstName: 'Bo' }, 'x'] });

    expect(duplicateCandidates(error)).toEqual([an]);
  });

  it('gives an empty list when the answer carried no candidates, and undefined for any other error', () => {
    expect(duplicateCandidates(problem('LEARNER.POSSIBLE_DUPLICATE'))).toEqual([]);
    expect(duplicateCandidates(problem('CASE.INVALID_TRANSITION', { candidates: [] }))).toBeUndefined();
    expect(duplicateCandidates(new Error('network'))).toBeUndefined();
    expect(duplicateCandidates(null)).toBeUndefined();
  });
});
