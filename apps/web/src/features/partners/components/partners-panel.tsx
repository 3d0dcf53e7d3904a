import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';

import { useProblemText } from '@/lib/problem-messages';
import { usePartners } from '../api/partners-query';
import { PartnerDetail } from './partner-detail';
import { contextLabel } from '@/lib/context-label';

/** Partner organisations; each opens to its API clients and partner-user invitations. */
export function PartnersPanel() {
  const { t } = useTranslation();
  const problems = useProblemText();
  const partners = usePartners();
  const headingId = useId();
  const [open, setOpen] = useState<string | null>(null);

  let body;
  if (partners.isPending) {
    body = <LoadingStatus />;
  } else if (partners.isError) {
    body = <Alert tone="error">{problems.message(partners.error)}</Alert>;
  } else {
    const rows = partners.data.pages.flatMap((page) => page.items);
    body = (
      <>
        {rows.length === 0 ? (
          <p>{t('partners.empty')}</p>
        ) : (
          <ul className="partner-list">
            {rows.map((partner) => {
              const detailId = `partner-${partner.id}`;
              return (
                <li key={partner.id} className="partner-list__item">
                  <div className="partner-list__row">
                    <span className="partner-list__name">{partner.name}</span>
                    <span className="muted">{t(`partnerStatus.${partner.status}`)}</span>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-expanded={open === partner.id}
                      aria-controls={detailId}
                      onClick={() => {
                        setOpen(open === partner.id ? null : partner.id);
                      }}

                      aria-label={contextLabel(t('partners.manage'), partner.name)}
                    >
                      {t('partners.manage')}
                    </button>
                  </div>
                  <div id={detailId} hidden={open !== partner.id}>
                    {open === partner.id && <PartnerDetail partner={partner} />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <LoadMoreButton list={partners} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partners.title')}</h2>
      {body}
    </section>
  );
}
