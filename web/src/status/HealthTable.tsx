/**
 * A table of health numbers. On a wide screen it is a table; on a phone each row becomes a small
 * card with a label before each value. The explicit roles keep the table's semantics for screen
 * readers when the narrow layout changes its display (browsers drop them otherwise); the labels
 * repeated in each cell are hidden from them, since the column headers already say it.
 */
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (a <th scope="row">). */
  rowHeader?: boolean;
  numeric?: boolean;
}

export function HealthTable<Row>({
  labelledBy,
  describedBy,
  columns,
  rows,
  rowKey,
  rowClass,
  className,
}: {
  labelledBy: string;
  describedBy?: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowClass?: (row: Row) => string | undefined;
  className?: string;
}) {
  return (
    <table className={`health-table ${className ?? ''}`} role="table" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((c) => (
            <th key={c.key} scope="col" role="columnheader" className={c.numeric ? 'numeric' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={rowKey(row)} role="row" className={rowClass?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" role="rowheader" className="row-name">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} role="cell" className={c.numeric ? 'numeric' : undefined}>
                  <span className="cell-label" aria-hidden="true">
                    {c.header}
                  </span>
                  <span className="cell-value">{c.cell(row)}</span>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
