import { Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TabNav } from '@/components/ui/tab-nav';
import { addGuidanceTranslations } from '@/i18n/guidance';
import { membershipIn } from '../access';
import { useCurrentUser } from './current-user';
import { ForbiddenPage } from './forbidden-page';

/** /regions/:region: the region's name, the user's role and the region's sections. */
export function RegionLayout() {
  const { t, i18n } = useTranslation(['translation', 'guidance']);
  // The texts of the caseload, learner and case pages come with this (lazily loaded) area.
  addGuidanceTranslations(i18n);
  const { region } = useParams();
  const me = useCurrentUser();
  const membership = membershipIn(me, region);
  if (!membership) return <ForbiddenPage />;

  const base = `/regions/${membership.region}`;
  const tabs = [
    { to: base, label: t('region.overview'), end: true },
    { to: `${base}/caseload`, label: t('region.caseload'), end: true },
    { to: `${base}/learners`, label: t('region.learners'), end: false },
    { to: `${base}/referrals`, label: t('region.referrals'), end: false },
    { to: `${base}/registrations`, label: t('region.registrations'), end: false },
  ];
  if (membership.role === 'coordinator') {
    tabs.splice(1, 0, { to: `${base}/dashboard`, label: t('region.dashboard'), end: true });
    tabs.push({ to: `${base}/users`, label: t('region.users'), end: false });
    tabs.push({ to: `${base}/data-protection`, label: t('guidance:dataProtection.tab'), end: true });
  }

  return (
    <>
      <div className="page-header">
        <h1>{membership.regionName}</h1>
        <p className="muted">
          {t('region.yourRole', { role: t(`roles.${membership.role}`) })}
          {membership.organisationName !== null && ` · ${membership.organisationName}`}
        </p>
      </div>
      <TabNav label={t('region.sections')} items={tabs} />
      <Outlet context={membership} />
    </>
  );
}
