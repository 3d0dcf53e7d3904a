import { DomainError } from '../problem/domain-error.js';
import type { Principal } from './principal.js';

/** The partner organisation a principal acts for; 403 for anyone who is not a partner system or partner user. */
export function partnerOf(principal: Principal): string {
  if (!principal.partnerId) throw DomainError.forbidden('This is for partner organisations.');
  return principal.partnerId;
}
