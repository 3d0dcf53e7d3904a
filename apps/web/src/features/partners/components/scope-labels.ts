import type { PartnerScope } from '@leerwinkel/contracts';

/** i18n keys of the scopes (':' is i18next's namespace separator, so not the scope itself). */
export const SCOPE_LABELS = {
  'referrals:read': 'scopes.referralsRead',
  'referrals:write': 'scopes.referralsWrite',
  'registrations:write': 'scopes.registrationsWrite',
  'webhooks:manage': 'scopes.webhooksManage',
} as const satisfies Record<PartnerScope, string>;
