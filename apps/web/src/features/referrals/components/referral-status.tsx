import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { useCodeLists } from '@/lib/code-lists';
import type { Referral } from '../api/referrals-query';

/** The status in words, with "Te laat" (in words, not only colour) when the partner did not answer in time. */
export function ReferralStatus({ referral }: { referral: Pick<Referral, 'status' | 'overdue'> }) {
  const { t } = useTranslation('guidance');
  const codeLists = useCodeLists();
  return (
    <>
      {codeLists.label('referralStatuses', referral.status)}
      {referral.overdue && (
        <>
          {' '}
          <Badge tone="warning">{t('referrals.overdue')}</Badge>
        </>
      )}
    </>
  );
}
