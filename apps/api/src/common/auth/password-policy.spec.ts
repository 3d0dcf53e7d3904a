import { describe, expect, it } from '@jest/globals';
import { passwordWeakness } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['short', 'Kort-1', 'at least 12'],
    ['a common password with decoration', 'Password2024!', 'too common'],
    ['a Dutch common word', 'Wachtwoord!2025', 'too common'],
    ['leet-speak common word', 'P@ssw0rd-P@ssw0rd', 'too common'],
    ['keyboard run', 'qwertyuiop12', 'sequence'],
    ['number run', 'ab1234567890', 'sequence'],
    ['one character repeated', 'aaaaaaaaaaaaaa', 'too few different'],
  ])('refuses %s', (_name, password, reason) => {
    expect(passwordWeakness(password)).toContain(reason);
  });

  it('refuses a password containing the e-mail name', () => {
    expect(passwordWeakness('marie.peeters-2026!', 'marie.peeters@example.be')).toContain('e-mail');
  });

  it.each(['Fietsen-langs-de-Leie-7', 'correct horse battery staple', 'Leerwinkel-demo-2026', 'm1j-k4t-h33t-M1nou'])('accepts %s', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});
