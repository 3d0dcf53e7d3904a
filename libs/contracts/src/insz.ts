/**
 * Belgian national register number (INSZ / rijksregisternummer): 11 digits; the last two are
 * 97 − (first nine mod 97), where for births from 2000 on the first nine are prefixed with a 2.
 * Separators (spaces, dots, dashes) are accepted and dropped.
 */
export function normaliseInsz(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function isValidInsz(input: string): boolean {
  const digits = normaliseInsz(input);
  if (!/^\d{11}$/.test(digits)) return false;
  const base = BigInt(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const before2000 = 97 - Number(base % 97n);
  const from2000 = 97 - Number(BigInt(`2${digits.slice(0, 9)}`) % 97n);
  return check === before2000 || check === from2000;
}

/** "85.07.30-033.**" style: only the birth-date part and nothing that identifies the person. */
export function maskInsz(input: string): string {
  const digits = normaliseInsz(input);
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-***.**`;
}
