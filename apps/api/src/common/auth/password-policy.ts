import { ProblemCode } from '@leerwinkel/contracts';
import { DomainError } from '../problem/domain-error.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Words that make a password guessable whatever is added around them: the most common passwords of the
 * public breach lists (those that survive a 12-character minimum are built from these), Dutch and French
 * everyday words people use, and this product's own names.
 */
const COMMON = [
  'password', 'passwort', 'wachtwoord', 'motdepasse', 'paswoord', 'qwerty', 'azerty', 'qwertz', 'abc123', 'abcdef',
  'letmein', 'welcome', 'welkom', 'bienvenue', 'iloveyou', 'ikhouvanjou', 'jetaime', 'admin', 'administrator',
  'login', 'master', 'dragon', 'monkey', 'football', 'voetbal', 'baseball', 'sunshine', 'princess', 'shadow',
  'superman', 'batman', 'trustno1', 'starwars', 'pokemon', 'hello', 'hallo', 'bonjour', 'secret', 'geheim',
  'changeme', 'default', 'zomer', 'winter', 'lente', 'herfst', 'summer', 'spring', 'autumn', 'januari', 'december',
  'maandag', 'vrijdag', 'belgie', 'belgium', 'belgique', 'vlaanderen', 'flanders', 'brussel', 'bruxelles',
  'antwerpen', 'gent', 'brugge', 'leuven', 'hasselt', 'limburg', 'leerwinkel', 'leerloopbaan', 'vdab', 'syntra',
  'ondersteuningspunt', 'coordinator', 'begeleider', 'counsellor', 'student', 'school', 'computer', 'internet',
  'samsung', 'iphone', 'google', 'facebook', 'liverpool', 'chelsea', 'arsenal', 'anderlecht', 'clubbrugge',
  'standard', 'charlie', 'michael', 'jennifer', 'jessica', 'thomas', 'nicolas', 'sophie', 'marie', 'peter',
].sort((a, b) => b.length - a.length);

const KEYBOARD_RUNS = ['1234567890', '0987654321', 'qwertyuiop', 'azertyuiop', 'asdfghjkl', 'qsdfghjklm', 'zxcvbnm', 'wxcvbn'];

/** Why a password is refused (a stable rule name and a message), or null when it is acceptable. */
export interface PasswordWeakness {
  rule: 'passwordPolicy.tooShort' | 'passwordPolicy.tooLong' | 'passwordPolicy.tooFewCharacters' | 'passwordPolicy.sequence' | 'passwordPolicy.common' | 'passwordPolicy.containsEmail';
  message: string;
}

export function passwordWeakness(password: string, email?: string): string | null {
  return checkPassword(password, email)?.message ?? null;
}

export function checkPassword(password: string, email?: string): PasswordWeakness | null {
  const weak = (rule: PasswordWeakness['rule'], message: string): PasswordWeakness => ({ rule, message });
  if (password.length < MIN_PASSWORD_LENGTH) return weak('passwordPolicy.tooShort', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) return weak('passwordPolicy.tooLong', `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const folded = password.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const lettersOnly = folded.replace(/0/g, 'o').replace(/1/g, 'i').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/@/g, 'a').replace(/[^a-z]/g, '');
  if (new Set(folded).size <= 3) return weak('passwordPolicy.tooFewCharacters', 'uses too few different characters');
  if (KEYBOARD_RUNS.some((run) => folded.includes(run.slice(0, 6)))) return weak('passwordPolicy.sequence', 'contains a keyboard or number sequence');
  const rest = COMMON.reduce((left, word) => left.replaceAll(word, ''), lettersOnly);
  if (rest.length < 4 && folded.replace(/[^0-9]/g, '').length < 6) return weak('passwordPolicy.common', 'is too common: it is built from a well-known password or word');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) return weak('passwordPolicy.containsEmail', 'must not contain your e-mail address');
  return null;
}

export function assertStrongPassword(password: string, email?: string): void {
  const weakness = checkPassword(password, email);
  if (weakness) {
    throw new DomainError(ProblemCode.WEAK_PASSWORD, 400, 'Password not accepted', `The password ${weakness.message}.`, [
      { field: 'password', message: `password ${weakness.message}`, rule: weakness.rule },
    ]);
  }
}
