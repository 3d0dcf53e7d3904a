import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, INDICATOR_LABELS, MEASURE_LABELS, type IndicatorMeasure } from '@leerwinkel/contracts';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/format';
import type { IndicatorReport, IndicatorTable } from '../api/central-indicators-query';
import { FigureValue } from './figure-value';
import { labelLanguage, type ReportIndex } from './report-index';

interface IndicatorTablesProps {
  report: IndicatorReport;
  index: ReportIndex;
  /** The heading's text, e.g. the total these tables describe. */
  intro: string;
}

/** Every indicator as a table of its totals (all selected regions, the whole period), one disclosure each. */
export function IndicatorTables({ report, index, intro }: IndicatorTablesProps) {
  const { t } = useTranslation('indicators');
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('tables.title')}</h3>
      <p className="muted">{intro}</p>
      {report.indicators.map((table) => (
        <IndicatorTableDisclosure key={table.id} table={table} report={report} index={index} />
      ))}
    </section>
  );
}

function IndicatorTableDisclosure({
  table,
  report,
  index,
}: {
  table: IndicatorTable;
  report: IndicatorReport;
  index: ReportIndex;
}) {
  const { t, i18n } = useTranslation('indicators');
  const language = labelLanguage(i18n.language);
  const rows = index.rows(table.id);
  const categories = [...new Set(rows.map((row) => row.category))];
  const measures = [...new Set(rows.map((row) => row.measure))];
  const name = INDICATOR_LABELS[table.id][language];
  const cells = new Map(rows.map((row) => [`${row.category}|${row.measure}`, row]));
  const cell = (category: string, measure: IndicatorMeasure) => cells.get(`${category}|${measure}`);

  return (
    <details className="disclosure indicator-table">
      <summary>{name}</summary>
      {rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <TableScroll label={name}>
          <table className="table table--figures">
            <caption className="table__caption">
              {t('tables.caption', {
                indicator: name,
                from: formatDate(report.period.from, i18n.language),
                to: formatDate(report.period.to, i18n.language),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('tables.category')}</th>
                {measures.map((measure) => (
                  <th key={measure} scope="col" className="table__number">
                    {MEASURE_LABELS[measure][language]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category} className={category === 'total' ? 'table__total' : undefined}>
                  <th scope="row">{categoryLabel(table.id, category, language)}</th>
                  {measures.map((measure) => (
                    <td key={measure} className="table__number">
                      {cell(category, measure) && (
                        <FigureValue
                          cell={cell(category, measure)}
                          measure={measure}
                          suppressionK={report.suppressionK}
                        />
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </details>
  );
}
