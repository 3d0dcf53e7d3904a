import { Link, useNavigate, useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import type { Membership } from '@/features/auth/api/me-query';
import { NewLearnerForm } from '@/features/learners/components/new-learner-form';
import { useRegionSettings } from '@/features/regions/api/region-settings-query';

/** /regions/:region/learners/new: registers a learner, then opens their page. */
export function NewLearnerPage() {
  const { t } = useTranslation(['guidance', 'translation']);
  const membership = useOutletContext<Membership>();
  const navigate = useNavigate();
  // Whether the region records the INSZ decides whether the form asks for it.
  const settings = useRegionSettings(membership.region);

  let body;
  if (settings.isPending) {
    body = <LoadingStatus />;
  } else if (settings.isError) {
    body = <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  } else {
    body = (
      <NewLearnerForm
        region={membership.region}
        inszEnabled={settings.data.inszEnabled}
        onCreated={(learner) => {
          void navigate(`/regions/${membership.region}/learners/${learner.id}`);
        }}
      />
    );
  }

  return (
    <article className="page">
      <title>{t('newLearnerPage.documentTitle', { region: membership.regionName })}</title>
      <p className="back-link">
        <Link to={`/regions/${membership.region}/learners`}>{t('learnerPage.backToLearners')}</Link>
      </p>
      <PageHeading>{t('newLearnerPage.title')}</PageHeading>
      <section className="panel" aria-label={t('newLearnerPage.title')}>
        {body}
      </section>
    </article>
  );
}
