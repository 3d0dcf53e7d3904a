/** A region slug: lower-case letter first, then lower-case letters, digits or hyphens; 2 to 41 characters. */
export const REGION_SLUG_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;

export function isRegionSlug(value: unknown): value is string {
  return typeof value === 'string' && REGION_SLUG_PATTERN.test(value);
}
