import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import type { Membership } from '@/features/auth/api/me-query';
import { LearnerCasesPanel } from '@/features/cases/components/learner-cases-panel';
import { useLearner } from '@/features/learners/api/learner-query';
import { AccessLogPanel } from '@/features/learners/components/access-log-panel';
import { ConsentsPanel } from '@/features/learners/components/consents-panel';
import { LearnerProfilePanel } from '@/features/learners/components/learner-profile-panel';
import { useRegionSettings } from '@/features/regions/api/region-settings-query';
import { useProblemText } from '@/lib/problem-messages';

/**
 * /regions/:region/learners/:learnerId: the learner's record (with the audited INSZ reveal), their
 * cases, their consents and, for coordinators, who read the record.
 */
export function LearnerPage() {
  const { t } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const membership = useOutletContext<Membership>();
  const { learnerId = '' } = useParams();
  const navigate = useNavigate();
  const region = membership.region;
  const learner = useLearner(region, learnerId);
  const settings = useRegionSettings(region);
  const name = learner.data ? `${learner.data.firstName} ${learner.data.lastName}` : undefined;

  let body;
  if (learner.isPending) {
    body = <p role="status">{t('translation:common.loading')}</p>;
  } else if (learner.isError) {
    body = (
      <Alert tone="error">
        <p>{problemText.message(learner.error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void learner.refetch()}>
          {t('translation:common.retry')}
        </button>
      </Alert>
    );
  } else {
    body = (
      <>
        <LearnerProfilePanel
          region={region}
          learner={learner.data}
          inszEnabled={settings.data?.inszEnabled ?? false}
          onReload={() => learner.refetch()}
        />
        <LearnerCasesPanel
          region={region}
          learnerId={learnerId}
          onCreated={(created) => {
            void navigate(`/regions/${region}/cases/${created.id}`);
          }}
        />
        <ConsentsPanel region={region} learnerId={learnerId} />
        {membership.role === 'coordinator' && <AccessLogPanel region={region} learnerId={learnerId} />}
      </>
    );
  }

  return (
    <article className="page">
      <title>
        {name === undefined
          ? t('learnerPage.documentTitleLoading', { region: membership.regionName })
          : t('learnerPage.documentTitle', { name, region: membership.regionName })}
      </title>
      <p className="back-link">
        <Link to={`/regions/${region}/learners`}>{t('learnerPage.backToLearners')}</Link>
      </p>
      <PageHeading>{name ?? t('learnerPage.title')}</PageHeading>
      {body}
    </article>
  );
}
