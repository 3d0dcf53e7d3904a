import { createHash, randomBytes } from 'node:crypto';

/** High-entropy secrets (refresh tokens, invitations, client secrets): random, stored as SHA-256 only. */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
