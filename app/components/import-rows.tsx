import { previewCaption, type PreviewPage } from "~/domain/preview-page";
import { Pagination } from "./ui/pagination";
import { DataTable, type Column } from "./ui/table";

/** The rows of a valid file as they will be imported, a page at a time; `n` is the row's place in the file. */
export function ImportRows<Row extends { n: number }>({
  rows,
  columns,
  hrefFor,
}: {
  rows: PreviewPage<Row>;
  columns: Column<Row>[];
  hrefFor: (page: number) => string;
}) {
  return (
    <>
      <DataTable
        caption={previewCaption("Regels die worden geïmporteerd", rows)}
        rows={rows.rows}
        rowKey={(row) => row.n}
        empty={null}
        columns={[{ header: "Nr.", numeric: true, rowHeader: true, cell: (row) => row.n }, ...columns]}
      />
      <Pagination page={rows.page} pageCount={rows.pageCount} hrefFor={hrefFor} />
    </>
  );
}
