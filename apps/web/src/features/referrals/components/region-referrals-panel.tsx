import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import { LoadError, LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { SelectField } from '@/components/ui/select-field';
import { useCodeLists } from '@/lib/code-lists';
import { contextLabel } from '@/lib/context-label';
import { formatShortDate } from '@/lib/format';
import { useReferrals, type ReferralFilters } from '../api/referrals-query';
import { PartnerName } from './partner-name';
import { isReferralStatus } from './referral-codes';
import { ReferralStatus } from './referral-status';

/**
 * The region's referrals, newest first, filterable by status and "te laat" (unanswered past the
 * answer date; marked in words). The filters are kept in the address (?status=&overdue=true).
 */
export function RegionReferralsPanel({ region }: { region: string }) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status = isReferralStatus(requested) ? requested : undefined;
  const overdue = params.get('overdue') === 'true';
  const filters: ReferralFilters = {
    ...(status === undefined ? {} : { status }),
    ...(overdue ? { overdue: true } : {}),
  };
  const referrals = useReferrals(region, filters);

  function setFilter(name: string, value: string | null): void {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  }

  let body;
  if (referrals.isPending) {
    body = <LoadingStatus />;
  } else if (referrals.isError) {
    body = <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  } else {
    const rows = referrals.data.pages.flatMap((page) => page.items);
    const overdueCount = rows.filter((row) => row.overdue).length;
    body = (
      <>
        <p role="status" className="muted">
          {rows.length === 0
            ? t('regionReferrals.empty')
            : `${t('regionReferrals.shown', { count: rows.length })}${overdueCount > 0 ? ` ${t('regionReferrals.overdueCount', { count: overdueCount })}` : ''}`}
        </p>
        {rows.length > 0 && (
          <DataTable
            caption={t('regionReferrals.caption')}
            columns={[
              t('referrals.learner'),
              t('referrals.partner'),
              t('referrals.offer'),
              t('translation:common.status'),
              t('referrals.sentAt'),
              t('referrals.respondBy'),
            ]}
          >
            {rows.map((referral) => {
              const learner =
                referral.packet.learner === null
                  ? t('referrals.learnerNotShared')
                  : `${referral.packet.learner.firstName} ${referral.packet.learner.lastName}`;
              return (
                <tr key={referral.id} data-overdue={referral.overdue}>
                  <th scope="row">
                    <Link
                      to={`/regions/${region}/referrals/${referral.id}`}
                      aria-label={contextLabel(t('referrals.open'), learner)}
                    >
                      {t('referrals.open')}
                    </Link>{' '}
                    {learner}
                  </th>
                  <td>
                    <PartnerName partnerId={referral.partnerId} />
                  </td>
                  <td>{referral.packet.offer?.name ?? t('packet.noOffer')}</td>
                  <td>
                    <ReferralStatus referral={referral} />
                  </td>
                  <td>{formatShortDate(referral.sentAt, i18n.language)}</td>
                  <td>{formatShortDate(referral.respondBy, i18n.language)}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <LoadMoreButton list={referrals} />
      </>
    );
  }

  return (
    <>
      <div className="form form--inline filters">
        <SelectField
          label={t('regionReferrals.statusFilter')}
          value={status ?? ''}
          options={[{ value: '', label: t('regionReferrals.allStatuses') }, ...codeLists.options('referralStatuses')]}
          onChange={(event) => {
            setFilter('status', event.target.value === '' ? null : event.target.value);
          }}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(event) => {
              setFilter('overdue', event.target.checked ? 'true' : null);
            }}
          />{' '}
          {t('regionReferrals.onlyOverdue')}
        </label>
      </div>
      <div aria-busy={referrals.isFetching}>{body}</div>
    </>
  );
}
