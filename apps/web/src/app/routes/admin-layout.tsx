import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TabNav } from '@/components/ui/tab-nav';
import { isPlatformAdmin } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /admin: platform administration (platform admins only). */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!isPlatformAdmin(me)) return <ForbiddenPage />;
  return (
    <>
      <div className="page-header">
        <h1>{t('admin.title')}</h1>
        <p className="muted">{t('admin.intro')}</p>
      </div>
      <TabNav
        label={t('admin.sections')}
        items={[
          { to: '/admin', label: t('admin.regions'), end: true },
          { to: '/admin/users', label: t('admin.users') },
          { to: '/admin/partners', label: t('admin.partners') },
        ]}
      />
      <Outlet />
    </>
  );
}
