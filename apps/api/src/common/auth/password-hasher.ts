import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm; m=19 MiB, t=2, p=1: OWASP's recommended minimum). A test checks the `$argon2id$` prefix. */
@Injectable()
export class PasswordHasher {
  /** A real hash of a random password: verified against when the e-mail is unknown, so both take as long. */
  private readonly dummy = hash('timing-equaliser-not-a-password');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const target = passwordHash ?? (await this.dummy);
    const ok = await verify(target, password).catch(() => false);
    return passwordHash !== null && ok;
  }
}
