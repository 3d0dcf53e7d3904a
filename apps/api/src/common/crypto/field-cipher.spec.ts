import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { FieldCipher } from './field-cipher.js';

describe('field cipher', () => {
  const cipher = new FieldCipher({ fieldEncryptionKey: randomBytes(32) });

  it('round-trips, with a different ciphertext each time and no plaintext inside', () => {
    const a = cipher.encrypt('85073003328');
    const b = cipher.encrypt('85073003328');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain('85073003328');
    expect(cipher.decrypt(a)).toBe('85073003328');
  });

  it('refuses a tampered value or another key', () => {
    const stored = cipher.encrypt('85073003328');
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new FieldCipher({ fieldEncryptionKey: randomBytes(32) }).decrypt(stored)).toThrow();
  });
});
