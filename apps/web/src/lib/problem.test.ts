import { describe, expect, it } from 'vitest';
import { ApiProblemError, isOutdatedVersion } from './problem';

const problem = (status: number, code: string) =>
  new ApiProblemError(status, { type: `urn:leerwinkel:problem:${code}`, title: code, status, code });

describe('isOutdatedVersion', () => {
  it('is true for a stale version (412) and a missing version (428), false for anything else', () => {
    expect(isOutdatedVersion(problem(412, 'RESOURCE.STALE'))).toBe(true);
    expect(isOutdatedVersion(problem(428, 'RESOURCE.VERSION_REQUIRED'))).toBe(true);
    expect(isOutdatedVersion(problem(409, 'CASE.INVALID_TRANSITION'))).toBe(false);
    expect(isOutdatedVersion(new Error('network'))).toBe(false);
  });
});
