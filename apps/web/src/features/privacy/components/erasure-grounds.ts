import type { ErasureGround } from '../api/erasure-requests-query';

/** Every ground of GDPR Art. 17(1) the API takes, in the order the form offers them (the type keeps it complete). */
const GROUNDS = {
  no_longer_necessary: true,
  consent_withdrawn: true,
  objection: true,
  unlawful_processing: true,
  legal_obligation: true,
  other: true,
} as const satisfies Record<ErasureGround, true>;

export const ERASURE_GROUNDS = Object.keys(GROUNDS) as ErasureGround[];

export function isErasureGround(value: string): value is ErasureGround {
  return Object.hasOwn(GROUNDS, value);
}
