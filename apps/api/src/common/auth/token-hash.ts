import { createHash, randomBytes } from 'node:crypto';

/** High-entropy secrets (refresh tokens, invitations, client secrets): random, stored as SHA-256 only. */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Partner API client ids: `lwc_` and random base64url (what newSecret('lwc_', 12) makes). */
export const CLIENT_ID_PREFIX = 'lwc_';
/** A partner client id as this API issues them. */
export const CLIENT_ID_PATTERN = /^lwc_[A-Za-z0-9_-]{1,64}$/;

/** Whether a client id is well-formed; anything else is refused before it reaches SQL (PostgreSQL text takes no NUL). */
export function isClientId(value: string): boolean {
  return CLIENT_ID_PATTERN.test(value);
}
