import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new endpoint secret in the Standard Webhooks format: `whsec_` + 32 random bytes, base64. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of
 * `<id>.<timestamp>.<body>` for every secret given (during a rotation, the old and the new one).
 */
export function webhookHeaders(messageId: string, timestamp: number, body: string, secrets: readonly string[]): Record<string, string> {
  const signed = `${messageId}.${timestamp}.${body}`;
  const signatures = secrets.map((secret) => `v1,${createHmac('sha256', Buffer.from(secret.slice(PREFIX.length), 'base64')).update(signed).digest('base64')}`);
  return { 'webhook-id': messageId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') };
}
