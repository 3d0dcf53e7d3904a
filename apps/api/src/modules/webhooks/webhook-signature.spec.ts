import { describe, expect, it } from '@jest/globals';
import { newWebhookSecret, webhookHeaders } from './webhook-signature.js';

describe('Standard Webhooks signature', () => {
  it('matches the published test vector of the Standard Webhooks libraries', () => {
    const headers = webhookHeaders('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}', ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']);
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs with every secret given (rotation), space-separated', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookHeaders('m', 1, '{}', [a, b])['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
  });
});
