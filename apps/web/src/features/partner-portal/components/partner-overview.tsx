import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { useCodeLists } from '@/lib/code-lists';
import { useProblemText } from '@/lib/problem-messages';
import { usePartnerMe } from '../api/partner-me-query';
import { usePartnerReferrals, type PartnerReferralStatus } from '../api/partner-referrals-query';
import { isPartnerReferralStatus } from './partner-codes';
import { PartnerReferralCard } from './partner-referral-card';

/** The partner organisation's own page: its name and the referrals addressed to it, with its answers. */
export function PartnerOverview() {
  const { t } = useTranslation(['partner', 'translation']);
  const problems = useProblemText();
  const identity = usePartnerMe();

  if (identity.isPending) return <LoadingStatus />;
  if (identity.isError) return <Alert tone="error">{problems.message(identity.error)}</Alert>;

  return (
    <article className="page partner-page">
      <title>{t('translation:partnerPortal.documentTitle', { partner: identity.data.partner.name })}</title>
      <h1>{identity.data.partner.name}</h1>
      <p className="page__lead">{t('overview.intro')}</p>
      <PartnerReferrals />
    </article>
  );
}

function PartnerReferrals() {
  const { t } = useTranslation(['partner', 'translation']);
  const codeLists = useCodeLists();
  const [status, setStatus] = useState<PartnerReferralStatus | undefined>(undefined);
  const referrals = usePartnerReferrals(status === undefined ? {} : { status });

  let body;
  if (referrals.isPending) {
    body = <LoadingStatus />;
  } else if (referrals.isError) {
    body = <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  } else if (referrals.data.length === 0) {
    body = <p role="status">{status === undefined ? t('overview.empty') : t('overview.emptyForStatus')}</p>;
  } else {
    body = (
      <>
        <p role="status" className="muted">
          {t('overview.shown', { count: referrals.data.length })}
        </p>
        {referrals.data.map((referral) => (
          <PartnerReferralCard key={referral.id} referral={referral} />
        ))}
      </>
    );
  }

  return (
    <>
      <div className="form form--inline filters">
        <SelectField
          label={t('overview.statusFilter')}
          value={status ?? ''}
          options={[{ value: '', label: t('overview.allStatuses') }, ...codeLists.options('referralStatuses')]}
          onChange={(event) => {
            const value = event.target.value;
            setStatus(isPartnerReferralStatus(value) ? value : undefined);
          }}
        />
      </div>
      <div aria-busy={referrals.isFetching}>{body}</div>
    </>
  );
}
