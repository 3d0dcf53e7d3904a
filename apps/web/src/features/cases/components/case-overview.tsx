import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { useCodeLists } from '@/lib/code-lists';
import { formatNumber, formatShortDate } from '@/lib/format';
import type { Case } from '../api/cases-query';

interface CaseOverviewProps {
  region: string;
  caseData: Case;
  /** The signed-in user: "you" when they are the counsellor. */
  currentUserId: string;
}

/** The key facts of a case: learner (link), kind, status, counsellor, next due date, dates. */
export function CaseOverview({ region, caseData, currentUserId }: CaseOverviewProps) {
  const { t, i18n } = useTranslation('guidance');
  const codeLists = useCodeLists();
  const counsellor =
    caseData.counsellorName ?? (caseData.counsellorId === currentUserId ? t('case.you') : t('case.unknownCounsellor'));

  return (
    <dl className="details">
      <dt>{t('case.learner')}</dt>
      <dd>
        <Link to={`/regions/${region}/learners/${caseData.learnerId}`}>{caseData.learnerName}</Link>
      </dd>
      <dt>{t('case.kind')}</dt>
      <dd>{codeLists.label('caseKinds', caseData.kind)}</dd>
      <dt>{t('case.status')}</dt>
      <dd>
        <strong>{codeLists.label('caseStatuses', caseData.status)}</strong>
      </dd>
      <dt>{t('case.counsellor')}</dt>
      <dd>{counsellor}</dd>
      <dt>{t('case.nextDue')}</dt>
      <dd>
        {caseData.nextDueDate === null ? t('case.nothingDue') : formatShortDate(caseData.nextDueDate, i18n.language)}
        {caseData.overdue && (
          <>
            {' '}
            <Badge tone="warning">{t('case.overdue')}</Badge>
          </>
        )}
      </dd>
      <dt>{t('case.openedAt')}</dt>
      <dd>{formatShortDate(caseData.openedAt, i18n.language)}</dd>
      <dt>{t('case.contacts')}</dt>
      <dd>{formatNumber(caseData.contactCount, i18n.language)}</dd>
      {caseData.closedAt !== null && (
        <>
          <dt>{t('case.closedAt')}</dt>
          <dd>{formatShortDate(caseData.closedAt, i18n.language)}</dd>
        </>
      )}
      {caseData.exitReason !== null && (
        <>
          <dt>{t('case.exitReason')}</dt>
          <dd>{codeLists.label('exitReasons', caseData.exitReason)}</dd>
        </>
      )}
      {caseData.objectivesMet !== null && (
        <>
          <dt>{t('case.objectivesMet')}</dt>
          <dd>{codeLists.label('objectivesMet', caseData.objectivesMet)}</dd>
        </>
      )}
    </dl>
  );
}
