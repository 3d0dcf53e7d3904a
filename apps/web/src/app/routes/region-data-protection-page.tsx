import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { ErasureHistoryPanel } from '@/features/privacy/components/erasure-history-panel';
import { PendingErasuresPanel } from '@/features/privacy/components/pending-erasures-panel';
import { UpcomingAnonymisationsPanel } from '@/features/privacy/components/upcoming-anonymisations-panel';
import { addPrivacyTranslations } from '@/i18n/privacy';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** How far ahead the page looks for learners due for anonymisation. */
const UPCOMING_DAYS = 30;

/**
 * /regions/:region/data-protection (coordinators only): the erasure requests waiting for a second coordinator, the
 * ones already handled, and the learners the retention job anonymises in the coming 30 days.
 */
export function RegionDataProtectionPage() {
  const { i18n } = useTranslation();
  // The page's texts come with it (a lazily loaded, coordinators-only page).
  addPrivacyTranslations(i18n);
  const { t } = useTranslation('privacy');
  const membership = useOutletContext<Membership>();
  const me = useCurrentUser();
  if (membership.role !== 'coordinator') return <ForbiddenPage headingLevel={2} />;

  return (
    <article className="page">
      <title>{t('page.documentTitle', { region: membership.regionName })}</title>
      <PageHeading>{t('page.title')}</PageHeading>
      <p className="page__lead">{t('page.intro')}</p>
      <PendingErasuresPanel region={membership.region} currentUserId={me.id} />
      <ErasureHistoryPanel region={membership.region} currentUserId={me.id} />
      <UpcomingAnonymisationsPanel region={membership.region} days={UPCOMING_DAYS} />
    </article>
  );
}
