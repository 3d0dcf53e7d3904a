import { Link, useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { LearnerSearch } from '@/features/learners/components/learner-search';

/** /regions/:region/learners: search the region's learners; register a new one. */
export function LearnersPage() {
  const { t } = useTranslation('guidance');
  const membership = useOutletContext<Membership>();
  return (
    <article className="page">
      <title>{t('learnersPage.documentTitle', { region: membership.regionName })}</title>
      <div className="page-title-row">
        <PageHeading>{t('learnersPage.title')}</PageHeading>
        <Link to={`/regions/${membership.region}/learners/new`} className="button">
          {t('learnersPage.newLearner')}
        </Link>
      </div>
      <LearnerSearch region={membership.region} />
    </article>
  );
}
