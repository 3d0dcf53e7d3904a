/** Roles and scopes of the platform: one list, used by the API, the web app and partner integrations. */
export const REGION_ROLES = ['counsellor', 'coordinator'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export const CENTRAL_ROLES = ['analyst', 'platform_admin'] as const;
export type CentralRole = (typeof CENTRAL_ROLES)[number];

export const PARTNER_SCOPES = ['referrals:read', 'referrals:write', 'registrations:write', 'webhooks:manage'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
