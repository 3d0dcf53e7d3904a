import { useTranslation } from 'react-i18next';
import { PartnerOverview } from '@/features/partner-portal/components/partner-overview';
import { addPartnerTranslations } from '@/i18n/partner';
import { isPartnerUser } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /partner: the page of a partner organisation's users: the referrals addressed to it. */
export function PartnerPage() {
  const { i18n } = useTranslation();
  // The partner page's texts come with this (lazily loaded) page.
  addPartnerTranslations(i18n);
  const me = useCurrentUser();
  if (!isPartnerUser(me)) return <ForbiddenPage />;
  return <PartnerOverview />;
}
