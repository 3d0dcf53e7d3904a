/**
 * The accessible name of a short row action: "Deactiveren" is announced as "Deactiveren: Bert
 * Begeleider". The visible text stays the start of the name (WCAG 2.5.3, label in name).
 */
export function contextLabel(action: string, subject: string): string {
  return `${action}: ${subject}`;
}
