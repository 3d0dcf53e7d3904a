import { Link, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { ReferralDetail } from '@/features/referrals/components/referral-detail';

/** /regions/:region/referrals/:referralId: one referral with its history and the region's actions. */
export function RegionReferralPage() {
  const { t } = useTranslation('guidance');
  const membership = useOutletContext<Membership>();
  const { referralId = '' } = useParams();
  return (
    <article className="page">
      <title>{t('referralDetail.documentTitle', { region: membership.regionName })}</title>
      <p className="back-link">
        <Link to={`/regions/${membership.region}/referrals`}>{t('referralDetail.backToList')}</Link>
      </p>
      <PageHeading>{t('referralDetail.title')}</PageHeading>
      <ReferralDetail region={membership.region} referralId={referralId} />
    </article>
  );
}
