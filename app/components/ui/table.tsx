import type { ReactNode } from "react";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row becomes a row header, so screen readers announce it with every cell. */
  rowHeader?: boolean;
};

/** The one table of the app. An empty list shows `empty`, which should say what to do next. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty: ReactNode;
}) {
  if (rows.length === 0) return <div className="rd-empty">{empty}</div>;
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
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
                const className = `utrecht-table__cell${column.numeric ? " utrecht-table__cell--numeric-column" : ""}`;
                return column.rowHeader ? (
                  <th key={column.header} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={className}>
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
