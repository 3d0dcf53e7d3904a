import type { Contact } from '../api/contacts-query';
import type { CaseTransition } from '../api/transitions-query';

export type TimelineEntry =
  | { type: 'contact'; id: string; at: string; contact: Contact }
  | { type: 'transition'; id: string; at: string; transition: CaseTransition };

/**
 * Conversations and status changes in one list, newest first. While older conversations are still
 * to be loaded (`allContacts` false), status changes older than the oldest loaded conversation wait
 * too, so the list never skips a stretch of time.
 */
export function mergeTimeline(
  contacts: readonly Contact[],
  transitions: readonly CaseTransition[],
  allContacts: boolean,
): TimelineEntry[] {
  const oldestContact = contacts.reduce<number>(
    (oldest, contact) => Math.min(oldest, Date.parse(contact.occurredAt)),
    Number.POSITIVE_INFINITY,
  );
  const entries: TimelineEntry[] = [
    ...contacts.map((contact) => ({ type: 'contact' as const, id: contact.id, at: contact.occurredAt, contact })),
    ...transitions
      .filter((transition) => allContacts || Date.parse(transition.at) >= oldestContact)
      .map((transition) => ({ type: 'transition' as const, id: transition.id, at: transition.at, transition })),
  ];
  // Array.prototype.sort is stable: at the same moment, conversations stay before status changes.
  return entries.sort((left, right) => Date.parse(right.at) - Date.parse(left.at));
}
