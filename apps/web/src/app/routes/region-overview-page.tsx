import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@/features/auth/api/me-query';
import { RegionSettingsPanel } from '@/features/regions/components/region-settings-panel';

/** /regions/:region: the region's settings (coordinators may change them). */
export function RegionOverviewPage() {
  const { t } = useTranslation();
  const membership = useOutletContext<Membership>();
  return (
    <>
      <title>{t('region.documentTitle', { region: membership.regionName })}</title>
      <RegionSettingsPanel region={membership.region} canEdit={membership.role === 'coordinator'} />
    </>
  );
}
