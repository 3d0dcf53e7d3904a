import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatNumber } from '@/lib/format';
import type { CaseloadRow } from '../api/region-indicators-query';

const COLUMNS = ['open', 'registered', 'intake', 'guidance', 'followUp'] as const;

/** The open cases per counsellor, now, by status (a coordinator's own region only). */
export function CaseloadTable({ rows }: { rows: readonly CaseloadRow[] }) {
  const { t, i18n } = useTranslation('indicators');
  const headingId = useId();
  const number = (value: number) => formatNumber(value, i18n.language);
  const total = (column: (typeof COLUMNS)[number]) => rows.reduce((sum, row) => sum + row[column], 0);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('caseload.title')}</h3>
      <p className="muted">{t('caseload.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('caseload.empty')}</p>
      ) : (
        <TableScroll label={t('caseload.caption')}>
          <table className="table table--figures">
            <caption className="visually-hidden">{t('caseload.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseload.counsellor')}</th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="table__number">
                    {t(`caseload.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.counsellorId}>
                  <th scope="row">{row.name}</th>
                  {COLUMNS.map((column) => (
                    <td key={column} className="table__number">
                      {number(row[column])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="table__total">
              <tr>
                <th scope="row">{t('caseload.total')}</th>
                {COLUMNS.map((column) => (
                  <td key={column} className="table__number">
                    {number(total(column))}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
