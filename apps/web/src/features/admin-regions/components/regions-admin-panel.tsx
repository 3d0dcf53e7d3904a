import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { LoadMoreButton, LoadingStatus } from '@/components/ui/query-status';
import { TableScroll } from '@/components/ui/table-scroll';

import { formatShortDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useAdminRegions } from '../api/admin-regions-query';
import { AppointCoordinatorForm } from './appoint-coordinator-form';
import { contextLabel } from '@/lib/context-label';

/** Every region, with a way to appoint a coordinator per region. */
export function RegionsAdminPanel() {
  const { t, i18n } = useTranslation();
  const problems = useProblemText();
  const regions = useAdminRegions();
  const headingId = useId();
  const [appointing, setAppointing] = useState<string | null>(null);

  let body;
  if (regions.isPending) {
    body = <LoadingStatus />;
  } else if (regions.isError) {
    body = <Alert tone="error">{problems.message(regions.error)}</Alert>;
  } else {
    const rows = regions.data.pages.flatMap((page) => page.items);
    body = (
      <>
        <TableScroll label={t('adminRegions.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('adminRegions.displayName')}</th>
                <th scope="col">{t('adminRegions.slug')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('adminRegions.createdAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((region) => (
                <Fragment key={region.id}>
                  <tr>
                    <th scope="row">{region.displayName}</th>
                    <td>
                      <code>{region.slug}</code>
                    </td>
                    <td>{t(`regionStatus.${region.status}`)}</td>
                    <td>{formatShortDate(region.createdAt, i18n.language)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-expanded={appointing === region.slug}
                        onClick={() => {
                          setAppointing(appointing === region.slug ? null : region.slug);
                        }}

                        aria-label={contextLabel(t('adminRegions.appoint'), region.displayName)}
                      >
                        {t('adminRegions.appoint')}
                      </button>
                    </td>
                  </tr>
                  {appointing === region.slug && (
                    <tr>
                      <td colSpan={5}>
                        <AppointCoordinatorForm
                          slug={region.slug}
                          regionName={region.displayName}
                          onClose={() => {
                            setAppointing(null);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <LoadMoreButton list={regions} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('adminRegions.title')}</h2>
      {body}
    </section>
  );
}
