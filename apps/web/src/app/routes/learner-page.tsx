import { useId } from 'react';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import type { Membership } from '@/features/auth/api/me-query';
import { LearnerCasesPanel } from '@/features/cases/components/learner-cases-panel';
import { useLearner, type Learner } from '@/features/learners/api/learner-query';
import { AccessExportButtons } from '@/features/learners/components/access-export-buttons';
import { AccessLogPanel } from '@/features/learners/components/access-log-panel';
import { ConsentsPanel } from '@/features/learners/components/consents-panel';
import { LearnerHistoryPanel } from '@/features/learners/components/learner-history-panel';
import { LearnerProfilePanel } from '@/features/learners/components/learner-profile-panel';
import { LearnerStatusBanner } from '@/features/learners/components/learner-status-banner';
import { processingLockOf } from '@/features/learners/components/processing-lock';
import { RestrictionControls } from '@/features/learners/components/restriction-controls';
import { RequestErasureControls } from '@/features/privacy/components/request-erasure-controls';
import { useRegionSettings } from '@/features/regions/api/region-settings-query';

/**
 * /regions/:region/learners/:learnerId: the learner's record (with the audited INSZ reveal) and whether processing
 * is restricted or the learner anonymised, their cases, their consents, the corrections of their data and, for
 * coordinators, the data-protection actions (restriction, access export, erasure) and who read the record.
 */
export function LearnerPage() {
  const { t } = useTranslation(['guidance', 'translation']);
  const membership = useOutletContext<Membership>();
  const { learnerId = '' } = useParams();
  const navigate = useNavigate();
  const region = membership.region;
  const learner = useLearner(region, learnerId);
  const settings = useRegionSettings(region);
  const name = learner.data ? `${learner.data.firstName} ${learner.data.lastName}` : undefined;

  let body;
  if (learner.isPending) {
    body = <LoadingStatus />;
  } else if (learner.isError) {
    body = <LoadError error={learner.error} onRetry={() => void learner.refetch()} />;
  } else {
    const lock = processingLockOf(learner.data);
    const readOnlyReason =
      lock === 'anonymised'
        ? t('learnerStatus.lockedAnonymised')
        : lock === 'restricted'
          ? t('learnerStatus.lockedRestricted')
          : undefined;
    body = (
      <>
        <LearnerStatusBanner learner={learner.data} />
        <LearnerProfilePanel
          region={region}
          learner={learner.data}
          inszEnabled={settings.data?.inszEnabled ?? false}
          onReload={() => learner.refetch()}
          readOnlyReason={readOnlyReason}
        />
        <LearnerCasesPanel
          region={region}
          learnerId={learnerId}
          readOnlyReason={readOnlyReason}
          onCreated={(created) => {
            void navigate(`/regions/${region}/cases/${created.id}`);
          }}
        />
        <ConsentsPanel region={region} learnerId={learnerId} readOnlyReason={readOnlyReason} />
        <LearnerHistoryPanel region={region} learnerId={learnerId} />
        {membership.role === 'coordinator' && (
          <>
            <LearnerPrivacySection region={region} learner={learner.data} />
            <AccessLogPanel region={region} learnerId={learnerId} />
          </>
        )}
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

/** The coordinators' data-protection actions for this learner: restriction, access export and erasure. */
function LearnerPrivacySection({ region, learner }: { region: string; learner: Learner }) {
  const { t } = useTranslation('guidance');
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('learnerPrivacy.title')}</h3>
      <p className="muted">{t('learnerPrivacy.intro')}</p>
      <RestrictionControls region={region} learner={learner} />
      <AccessExportButtons region={region} learnerId={learner.id} />
      <RequestErasureControls
        region={region}
        learnerId={learner.id}
        learnerName={`${learner.firstName} ${learner.lastName}`}
      />
    </section>
  );
}
