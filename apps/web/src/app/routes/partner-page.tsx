import { PartnerOverview } from '@/features/partner-portal/components/partner-overview';
import { isPartnerUser } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /partner: the page of a partner organisation's users. */
export function PartnerPage() {
  const me = useCurrentUser();
  if (!isPartnerUser(me)) return <ForbiddenPage />;
  return <PartnerOverview />;
}
