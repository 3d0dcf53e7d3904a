import type { Me, Membership } from '@/features/auth/api/me-query';

/** The user's membership of `region`, if any. */
export function membershipIn(me: Me, region: string | undefined): Membership | undefined {
  return region === undefined ? undefined : me.memberships.find((membership) => membership.region === region);
}

export function isPlatformAdmin(me: Me): boolean {
  return me.centralRole === 'platform_admin';
}

/** Analysts and platform admins: the support point (ondersteuningspunt). */
export function isCentral(me: Me): boolean {
  return me.centralRole !== null;
}

export function isPartnerUser(me: Me): boolean {
  return me.partnerId !== null && me.partnerId !== undefined;
}

/**
 * Where "/" sends a user: their first region, else the support point's pages by role, else the
 * partner page. Null when the account has access to nothing yet.
 */
export function homePathFor(me: Me): string | null {
  const [first] = me.memberships;
  if (first) return `/regions/${first.region}`;
  if (me.centralRole === 'analyst') return '/central';
  if (me.centralRole === 'platform_admin') return '/admin';
  if (isPartnerUser(me)) return '/partner';
  return null;
}

/** The areas a user can reach, for the main navigation. */
export function areasOf(me: Me): { to: string; key: 'region' | 'central' | 'admin' | 'partner' }[] {
  const areas: { to: string; key: 'region' | 'central' | 'admin' | 'partner' }[] = [];
  const [first] = me.memberships;
  if (first) areas.push({ to: `/regions/${first.region}`, key: 'region' });
  if (isCentral(me)) areas.push({ to: '/central', key: 'central' });
  if (isPlatformAdmin(me)) areas.push({ to: '/admin', key: 'admin' });
  if (isPartnerUser(me)) areas.push({ to: '/partner', key: 'partner' });
  return areas;
}
