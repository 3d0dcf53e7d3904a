import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { CaseloadPanel } from '@/features/cases/components/caseload-panel';

/** /regions/:region/caseload: "Mijn dossiers", the signed-in user's cases. */
export function CaseloadPage() {
  const { t } = useTranslation('guidance');
  const membership = useOutletContext<Membership>();
  return (
    <article className="page">
      <title>{t('caseloadPage.documentTitle', { region: membership.regionName })}</title>
      <PageHeading>{t('caseloadPage.title')}</PageHeading>
      <p>{t('caseloadPage.intro')}</p>
      <CaseloadPanel region={membership.region} />
    </article>
  );
}
