import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { RegionReferralsPanel } from '@/features/referrals/components/region-referrals-panel';

/** /regions/:region/referrals: "Doorverwijzingen", the region's referrals to partner organisations. */
export function RegionReferralsPage() {
  const { t } = useTranslation('guidance');
  const membership = useOutletContext<Membership>();
  return (
    <article className="page">
      <title>{t('regionReferrals.documentTitle', { region: membership.regionName })}</title>
      <PageHeading>{t('regionReferrals.title')}</PageHeading>
      <p>{t('regionReferrals.intro')}</p>
      <RegionReferralsPanel region={membership.region} />
    </article>
  );
}
