import { useTranslation } from 'react-i18next';
import { CentralUsersPanel } from '@/features/central-users/components/central-users-panel';
import { CreateCentralUserForm } from '@/features/central-users/components/create-central-user-form';
import { useCurrentUser } from './current-user';

export function AdminUsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <title>{t('admin.usersDocumentTitle')}</title>
      <CentralUsersPanel currentUserId={me.id} />
      <CreateCentralUserForm />
    </>
  );
}
