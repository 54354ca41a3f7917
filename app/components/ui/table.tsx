import type { ReactNode } from "react";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row becomes a row header, so screen readers announce it with every cell. */
  rowHeader?: boolean;
  /** Short values (dates, badges) that should never break over two lines. */
  nowrap?: boolean;
};

/** The one table of the app. An empty list shows `empty`, which should say what to do next. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  stackOnNarrow,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty: ReactNode;
  /** On a narrow screen each row becomes a card with the column names beside the values, instead of scrolling. */
  stackOnNarrow?: boolean;
}) {
  if (rows.length === 0) return <div className="rd-empty">{empty}</div>;
  return (
    <div className={`utrecht-table-container utrecht-table-container--overflow-inline${stackOnNarrow ? " rd-table--stack" : ""}`}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--row-hover">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={`utrecht-table__header-cell${column.numeric ? " utrecht-table__header-cell--numeric-column" : ""}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((column) => {
                const className = `utrecht-table__cell${column.numeric ? " utrecht-table__cell--numeric-column" : ""}${column.nowrap ? " rd-nowrap" : ""}`;
                return column.rowHeader ? (
                  <th key={column.header} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={className} data-label={stackOnNarrow ? column.header : undefined}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
