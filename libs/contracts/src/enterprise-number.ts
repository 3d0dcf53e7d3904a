/**
 * Belgian enterprise number (ondernemingsnummer, KBO/BCE): 10 digits starting with 0 or 1, written
 * "0123.456.749"; the last two digits are 97 − (first eight mod 97). "BE" and separators are accepted.
 */
export function normaliseEnterpriseNumber(input: string): string {
  return input.replace(/^BE/i, '').replace(/[\s.-]/g, '');
}

export function isValidEnterpriseNumber(input: string): boolean {
  const digits = normaliseEnterpriseNumber(input);
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** "0123.456.749" */
export function formatEnterpriseNumber(input: string): string {
  const d = normaliseEnterpriseNumber(input);
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}
