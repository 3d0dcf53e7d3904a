import { describe, expect, it } from '@jest/globals';
import { allowedFor, checkReferralTransition, type ReferralStatus } from './referral-state-machine.js';

describe('referral state machine', () => {
  it('walks the education loop for the partner', () => {
    const path: ReferralStatus[] = ['sent', 'received', 'accepted', 'scheduled', 'enrolled', 'started', 'completed'];
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1] as ReferralStatus;
      const to = path[i] as ReferralStatus;
      expect(() => {
      checkReferralTransition({ actor: 'partner', from, to, ...(to === 'scheduled' ? { startDate: '2026-09-01' } : {}) });
    }).not.toThrow();
    }
  });

  it.each<[ReferralStatus, ReferralStatus]>([
    ['sent', 'enrolled'],
    ['completed', 'started'],
    ['declined', 'accepted'],
    ['withdrawn', 'received'],
    ['started', 'scheduled'],
  ])('refuses %s → %s for the partner', (from, to) => {
    expect(() => {
      checkReferralTransition({ actor: 'partner', from, to });
    }).toThrow(expect.objectContaining({ code: 'REFERRAL.INVALID_TRANSITION', status: 409 }));
  });

  it('needs a reason to decline and a start date to schedule', () => {
    expect(() => {
      checkReferralTransition({ actor: 'partner', from: 'received', to: 'declined' });
    }).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(() => {
      checkReferralTransition({ actor: 'partner', from: 'accepted', to: 'scheduled' });
    }).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });

  it('lets the region withdraw only open referrals, and expiry only hits unanswered ones', () => {
    expect(allowedFor('region', 'accepted')).toContain('withdrawn');
    expect(allowedFor('region', 'completed')).toEqual([]);
    expect(allowedFor('region', 'sent')).not.toContain('accepted');
    expect(allowedFor('system', 'received')).toEqual(['expired']);
    expect(allowedFor('system', 'accepted')).toEqual([]);
  });
});
