import { describe, expect, it } from '@jest/globals';
import { type CaseStatus, checkTransition } from './case-state-machine.js';

const close = { exitReason: 'found_work', objectivesMet: 'fully' };

describe('case state machine', () => {
  it.each<[CaseStatus, CaseStatus]>([
    ['registered', 'intake'],
    ['intake', 'guidance'],
    ['guidance', 'follow_up'],
  ])('%s → %s is a step forward', (from, to) => {
    expect(() => { checkTransition({ from, to }); }).not.toThrow();
  });

  it.each<CaseStatus>(['registered', 'intake', 'guidance', 'follow_up'])('closes from %s with exit data', (from) => {
    expect(() => { checkTransition({ from, to: 'closed', ...close }); }).not.toThrow();
    expect(() => { checkTransition({ from, to: 'closed' }); }).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });

  it.each<[CaseStatus, CaseStatus]>([
    ['registered', 'guidance'],
    ['registered', 'follow_up'],
    ['intake', 'registered'],
    ['guidance', 'intake'],
    ['follow_up', 'guidance'],
    ['closed', 'closed'],
    ['closed', 'follow_up'],
    ['intake', 'intake'],
  ])('%s → %s is refused with CASE.INVALID_TRANSITION', (from, to) => {
    expect(() => { checkTransition({ from, to, ...(to === 'closed' ? close : {}) }); }).toThrow(
      expect.objectContaining({ code: 'CASE.INVALID_TRANSITION', status: 409 }),
    );
  });

  it('reopens only with a reason', () => {
    expect(() => { checkTransition({ from: 'closed', to: 'guidance' }); }).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(() => { checkTransition({ from: 'closed', to: 'guidance', note: 'Wil toch starten in september' }); }).not.toThrow();
  });

  it('keeps exit data for closing', () => {
    expect(() => { checkTransition({ from: 'intake', to: 'guidance', exitReason: 'moved' }); }).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
});
