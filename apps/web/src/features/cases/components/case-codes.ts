import { CODE_LISTS, codes } from '@leerwinkel/contracts';
import type { CaseStatus } from '../api/cases-query';

const CASE_STATUSES = codes(CODE_LISTS.caseStatuses);

export function isCaseStatus(value: string | null | undefined): value is CaseStatus {
  return value !== null && value !== undefined && (CASE_STATUSES as readonly string[]).includes(value);
}

/** Checks that `value` is one of `allowed` (codes from the shared code lists), narrowing its type. */
export function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}
