import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { RegistrationsInbox } from '@/features/registrations/components/registrations-inbox';

/** /regions/:region/registrations: "Aanmeldingen", people registered with the region by partners. */
export function RegistrationsPage() {
  const { t } = useTranslation('guidance');
  const membership = useOutletContext<Membership>();
  return (
    <article className="page">
      <title>{t('registrations.documentTitle', { region: membership.regionName })}</title>
      <PageHeading>{t('registrations.title')}</PageHeading>
      <p>{t('registrations.intro')}</p>
      <RegistrationsInbox region={membership.region} />
    </article>
  );
}
