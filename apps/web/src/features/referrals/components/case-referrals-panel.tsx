import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { useCodeLists } from '@/lib/code-lists';
import { contextLabel } from '@/lib/context-label';
import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useCaseReferrals } from '../api/case-referrals-query';
import type { Referral } from '../api/referrals-query';
import { PartnerName } from './partner-name';
import { ReferralForm, type ReferralFormProps } from './referral-form';
import { ReferralStatus } from './referral-status';

type CaseReferralsPanelProps = Omit<ReferralFormProps, 'onSent' | 'onCancel'> & {
  /** Whether new referrals can be made (not for a closed case). */
  canRefer: boolean;
};

/** "Doorverwijzingen" of a case: each referral with its current status, and the form to make a new one. */
export function CaseReferralsPanel({ canRefer, ...formProps }: CaseReferralsPanelProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const problemText = useProblemText();
  const codeLists = useCodeLists();
  const { region, caseId } = formProps;
  const referrals = useCaseReferrals(region, caseId);
  const headingId = useId();
  const openButton = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Referral | null>(null);

  let list;
  if (referrals.isPending) {
    list = <LoadingStatus />;
  } else if (referrals.isError) {
    list = <Alert tone="error">{problemText.message(referrals.error)}</Alert>;
  } else if (referrals.data.pages.every((page) => page.items.length === 0)) {
    list = <p>{t('referrals.emptyForCase')}</p>;
  } else {
    list = (
      <DataTable
        caption={t('referrals.caseCaption')}
        columns={[
          t('referrals.partner'),
          t('referrals.offer'),
          t('translation:common.status'),
          t('referrals.sentAt'),
          t('referrals.respondBy'),
          t('translation:common.actions'),
        ]}
      >
        {referrals.data.pages
          .flatMap((page) => page.items)
          .map((referral) => (
            <tr key={referral.id} data-overdue={referral.overdue}>
              <th scope="row">
                <PartnerName partnerId={referral.partnerId} />
              </th>
              <td>{referral.packet.offer?.name ?? t('packet.noOffer')}</td>
              <td>
                <ReferralStatus referral={referral} />
              </td>
              <td>{formatShortDate(referral.sentAt, i18n.language)}</td>
              <td>{formatShortDate(referral.respondBy, i18n.language)}</td>
              <td>
                <Link
                  to={`/regions/${region}/referrals/${referral.id}`}
                  aria-label={contextLabel(
                    t('referrals.open'),
                    `${codeLists.label('referralStatuses', referral.status)}, ${formatShortDate(referral.sentAt, i18n.language)}`,
                  )}
                >
                  {t('referrals.open')}
                </Link>
              </td>
            </tr>
          ))}
      </DataTable>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('referrals.title')}
      </h3>
      {sent !== null && !open && (
        <Alert tone="success">
          {t('referrals.sent', { status: codeLists.label('referralStatuses', sent.status) })}
        </Alert>
      )}
      {list}
      <LoadMoreButton list={referrals} />
      {open ? (
        <ReferralForm
          {...formProps}
          onSent={(referral) => {
            setSent(referral);
            setOpen(false);
            setTimeout(() => headingRef.current?.focus(), 0);
          }}
          onCancel={() => {
            setOpen(false);
            setTimeout(() => openButton.current?.focus(), 0);
          }}
        />
      ) : canRefer ? (
        <p>
          <button
            ref={openButton}
            type="button"
            className="button"
            onClick={() => {
              setSent(null);
              setOpen(true);
            }}
          >
            {t('referrals.refer')}
          </button>
        </p>
      ) : (
        <p className="muted">{t('referrals.closedCase')}</p>
      )}
    </section>
  );
}
