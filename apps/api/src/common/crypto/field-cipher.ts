import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';

const VERSION = 1;

/**
 * Encrypts single fields at rest (the INSZ): AES-256-GCM with a random 96-bit nonce, stored as
 * version ‖ nonce ‖ tag ‖ ciphertext. The key comes from configuration (FIELD_ENCRYPTION_KEY), never the
 * database, so a database dump alone does not reveal the values.
 */
@Injectable()
export class FieldCipher {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'fieldEncryptionKey'>) {}

  encrypt(plain: string): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.fieldEncryptionKey, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  decrypt(stored: Buffer): string {
    if (stored[0] !== VERSION) throw new Error('unknown field-encryption version');
    const decipher = createDecipheriv('aes-256-gcm', this.config.fieldEncryptionKey, stored.subarray(1, 13));
    decipher.setAuthTag(stored.subarray(13, 29));
    return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
  }
}
