import { Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TabNav } from '@/components/ui/tab-nav';
import { membershipIn } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /regions/:region: the region's name, the user's role and the region's sections. */
export function RegionLayout() {
  const { t } = useTranslation();
  const { region } = useParams();
  const me = useCurrentUser();
  const membership = membershipIn(me, region);
  if (!membership) return <ForbiddenPage />;

  const base = `/regions/${membership.region}`;
  const tabs = [{ to: base, label: t('region.overview'), end: true }];
  if (membership.role === 'coordinator') tabs.push({ to: `${base}/users`, label: t('region.users'), end: false });

  return (
    <>
      <div className="page-header">
        <h1>{membership.regionName}</h1>
        <p className="muted">
          {t('region.yourRole', { role: t(`roles.${membership.role}`) })}
          {membership.organisationName !== null && ` · ${membership.organisationName}`}
        </p>
      </div>
      {tabs.length > 1 && <TabNav label={t('region.sections')} items={tabs} />}
      <Outlet context={membership} />
    </>
  );
}
