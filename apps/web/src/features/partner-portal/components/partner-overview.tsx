import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { useProblemText } from '@/lib/problem-messages';
import { usePartnerMe } from '../api/partner-me-query';

/** The partner organisation's own page: its name, and what is coming. */
export function PartnerOverview() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const identity = usePartnerMe();

  if (identity.isPending) return <p role="status">{t('common.loading')}</p>;
  if (identity.isError) return <Alert tone="error">{problems.message(identity.error)}</Alert>;

  return (
    <article className="page">
      <title>{t('partnerPortal.documentTitle', { partner: identity.data.partner.name })}</title>
      <h1>{identity.data.partner.name}</h1>
      <p className="page__lead">{t('partnerPortal.intro')}</p>
      <p>{t('partnerPortal.placeholder')}</p>
    </article>
  );
}
