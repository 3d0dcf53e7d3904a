import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@/features/auth/api/me-query';
import { RegionDashboard } from '@/features/indicators/components/region-dashboard';
import { addIndicatorTranslations } from '@/i18n/indicators';
import { ForbiddenPage } from './forbidden-page';

/** /regions/:region/dashboard: the region's own figures and caseload per counsellor (coordinators only). */
export function RegionDashboardPage() {
  const { i18n } = useTranslation();
  // The dashboards' texts come with this (lazily loaded) page.
  addIndicatorTranslations(i18n);
  const membership = useOutletContext<Membership>();
  if (membership.role !== 'coordinator') return <ForbiddenPage headingLevel={2} />;
  return <RegionDashboard region={membership.region} regionName={membership.regionName} />;
}
