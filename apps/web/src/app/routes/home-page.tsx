import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthStatus } from '@/features/health/components/health-status';

export function HomePage() {
  const { t } = useTranslation();
  const statusHeadingId = useId();

  return (
    <>
      <title>{t('home.documentTitle')}</title>
      <article className="page">
        <h1>{t('home.title')}</h1>
        <p className="page__lead">{t('home.intro')}</p>
        <p>{t('home.purpose')}</p>
        <p>{t('home.comingSoon')}</p>
      </article>
      <section className="panel" aria-labelledby={statusHeadingId}>
        <h2 id={statusHeadingId}>{t('home.statusHeading')}</h2>
        <HealthStatus />
      </section>
    </>
  );
}
