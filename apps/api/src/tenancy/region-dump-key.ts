import { createHmac } from 'node:crypto';

/**
 * What a region dump derives from FIELD_ENCRYPTION_KEY (never the key itself): a fingerprint, so that a
 * restore refuses ciphertext written under another key, and a seal (an HMAC of the file's hash), so that a
 * restore accepts only files written by an installation holding the key — a file changed or forged where
 * backups are kept is refused, not loaded into the region.
 */
export class DumpKey {
  private readonly sealKey: Buffer;

  constructor(private readonly fieldEncryptionKey: Buffer) {
    this.sealKey = createHmac('sha256', fieldEncryptionKey).update('leerwinkel region dump seal v1').digest();
  }

  fingerprint(): string {
    return createHmac('sha256', this.fieldEncryptionKey).update('leerwinkel field-encryption key fingerprint v1').digest('hex').slice(0, 32);
  }

  seal(sha256: string): string {
    return createHmac('sha256', this.sealKey).update(sha256).digest('hex');
  }
}
