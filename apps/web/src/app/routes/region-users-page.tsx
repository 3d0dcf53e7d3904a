import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@/features/auth/api/me-query';
import { InviteMemberForm } from '@/features/regions/components/invite-member-form';
import { MembersPanel } from '@/features/regions/components/members-panel';
import { OrganisationsPanel } from '@/features/regions/components/organisations-panel';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /regions/:region/users: members, invitations and organisations (coordinators only). */
export function RegionUsersPage() {
  const { t } = useTranslation();
  const membership = useOutletContext<Membership>();
  const me = useCurrentUser();
  if (membership.role !== 'coordinator') return <ForbiddenPage headingLevel={2} />;
  return (
    <>
      <title>{t('region.usersDocumentTitle', { region: membership.regionName })}</title>
      <MembersPanel region={membership.region} currentUserId={me.id} />
      <InviteMemberForm region={membership.region} />
      <OrganisationsPanel region={membership.region} canEdit />
    </>
  );
}
