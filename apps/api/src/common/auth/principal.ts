import type { CentralRole, PartnerScope } from '@leerwinkel/contracts';

/** A person signed in with e-mail and password (counsellor, coordinator, analyst, admin or partner user). */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  centralRole: CentralRole | null;
  /** Set for partner users: the partner organisation they act for. */
  partnerId: string | null;
}

/** A partner organisation's system, signed in with OAuth2 client credentials. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: string;
  partnerId: string;
  scopes: PartnerScope[];
}

export type Principal = UserPrincipal | ClientPrincipal;

export const TOKEN_ISSUER = 'leerwinkel';
export const TOKEN_AUDIENCE = 'leerwinkel-api';
