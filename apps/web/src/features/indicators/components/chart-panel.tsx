import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/ui/table-scroll';

interface ChartPanelProps {
  title: string;
  /** One line under the title: what is counted. */
  description?: string;
  /** The chart, or a sentence when there is nothing to draw. */
  chart: ReactNode;
  /** The same figures as a real table (the accessible alternative), behind a disclosure. */
  table: ReactNode;
}

/** A chart with its title and, right under it, its figures as a table in a disclosure. */
export function ChartPanel({ title, description, chart, table }: ChartPanelProps) {
  const { t } = useTranslation('indicators');
  const headingId = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {description !== undefined && <p className="muted">{description}</p>}
      {chart}
      <details className="disclosure">
        <summary>{t('charts.showTable')}</summary>
        {table}
      </details>
    </section>
  );
}

export interface DataTableRow {
  key: string;
  /** The row header (a month, a region, a partner type). */
  header: ReactNode;
  cells: readonly ReactNode[];
}

interface DataTableProps {
  caption: string;
  /** The heading of the row headers' column. */
  rowHeading: string;
  columns: readonly string[];
  rows: readonly DataTableRow[];
  /** Totals, in the table's foot. */
  footer?: DataTableRow | undefined;
}

/** A table of figures: a caption, one header column, numbers right-aligned. */
export function DataTable({ caption, rowHeading, columns, rows, footer }: DataTableProps) {
  const row = (item: DataTableRow) => (
    <tr key={item.key}>
      <th scope="row">{item.header}</th>
      {item.cells.map((cell, index) => (
        <td key={columns[index] ?? index} className="table__number">
          {cell}
        </td>
      ))}
    </tr>
  );
  return (
    <TableScroll label={caption}>
      <table className="table table--figures">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="table__number">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
        {footer !== undefined && <tfoot className="table__total">{row(footer)}</tfoot>}
      </table>
    </TableScroll>
  );
}
