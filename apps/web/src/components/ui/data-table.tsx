import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

interface DataTableProps {
  /** What the table shows: its caption (for screen readers) and the name of its scroll area. */
  caption: string;
  /** The column headings, in order. */
  columns: readonly string[];
  /** The rows (`<tr>` elements). */
  children: ReactNode;
}

/** A table of records in a sideways-scrolling box, with a visually hidden caption and column headings. */
export function DataTable({ caption, columns, children }: DataTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
