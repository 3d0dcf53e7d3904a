import { Link, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/ui/page-heading';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import type { Membership } from '@/features/auth/api/me-query';
import { useCase } from '@/features/cases/api/case-query';
import { learnerQueryOptions } from '@/features/learners/api/learner-query';
import { ActionPlanPanel } from '@/features/cases/components/action-plan-panel';
import { CaseDetailsPanel } from '@/features/cases/components/case-details-panel';
import { CaseOverview } from '@/features/cases/components/case-overview';
import { CaseStatusActions } from '@/features/cases/components/case-status-actions';
import { CaseTimelinePanel } from '@/features/cases/components/case-timeline-panel';
import { OfferGapsPanel } from '@/features/cases/components/offer-gaps-panel';
import { CaseReferralsPanel } from '@/features/referrals/components/case-referrals-panel';
import { useApiClient } from '@/lib/api-client';
import { useCurrentUser } from './current-user';

/**
 * /regions/:region/cases/:caseId: a case (traject): its facts, the status changes it allows, the
 * learning question, the action plan with follow-ups, the referrals to partners, the "no suitable offer"
 * signals, and the timeline of conversations.
 */
export function CasePage() {
  const { t } = useTranslation(['guidance', 'translation']);
  const membership = useOutletContext<Membership>();
  const me = useCurrentUser();
  const client = useApiClient();
  const { caseId = '' } = useParams();
  const region = membership.region;
  const caseQuery = useCase(region, caseId);
  const caseData = caseQuery.data;

  let body;
  if (caseQuery.isPending) {
    body = <LoadingStatus />;
  } else if (caseQuery.isError) {
    body = <LoadError error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  } else {
    const current = caseQuery.data;
    body = (
      <>
        <section className="panel" aria-label={t('casePage.overview')}>
          <CaseOverview region={region} caseData={current} currentUserId={me.id} />
        </section>
        <CaseStatusActions region={region} caseData={current} />
        <CaseDetailsPanel
          region={region}
          caseData={current}
          onReload={() => caseQuery.refetch()}
          canSeeSensitive={membership.role === 'coordinator' || current.counsellorId === me.id}
        />
        <ActionPlanPanel region={region} caseId={caseId} />
        <CaseReferralsPanel
          region={region}
          regionName={membership.regionName}
          caseId={caseId}
          learnerId={current.learnerId}
          learnerQuery={learnerQueryOptions(client, region, current.learnerId)}
          learningQuestion={current.learningQuestion}
          counsellor={{ name: me.displayName, email: me.email }}
          canRefer={current.status !== 'closed'}
        />
        <OfferGapsPanel region={region} caseId={caseId} />
        <CaseTimelinePanel region={region} caseId={caseId} caseStatus={current.status} />
      </>
    );
  }

  return (
    <article className="page">
      <title>
        {caseData === undefined
          ? t('casePage.documentTitleLoading', { region: membership.regionName })
          : t('casePage.documentTitle', { name: caseData.learnerName, region: membership.regionName })}
      </title>
      <p className="back-link">
        <Link to={`/regions/${region}/caseload`}>{t('casePage.backToCaseload')}</Link>
      </p>
      <PageHeading>
        {caseData === undefined ? t('casePage.title') : t('casePage.heading', { name: caseData.learnerName })}
      </PageHeading>
      {body}
    </article>
  );
}
