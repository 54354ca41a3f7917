import { previewCaption, type PreviewPage } from "~/domain/preview-page";
import { ActionButton } from "./form";
import { Alert } from "./ui/alert";
import { Pagination } from "./ui/pagination";
import { DataTable } from "./ui/table";

type Issue = { line: number; column?: string; message: string };

/** Problems by line and column, a page at a time. */
export function IssueTable({ caption, issues, hrefFor }: { caption: string; issues: PreviewPage<Issue>; hrefFor: (page: number) => string }) {
  return (
    <>
      <DataTable
        caption={previewCaption(caption, issues)}
        rows={issues.rows}
        rowKey={(i) => `${i.line}-${i.column ?? ""}-${i.message}`}
        empty={null}
        columns={[
          { header: "Regel", numeric: true, cell: (i) => i.line },
          { header: "Kolom", cell: (i) => i.column ?? "" },
          { header: "Fout", cell: (i) => i.message },
        ]}
      />
      <Pagination page={issues.page} pageCount={issues.pageCount} hrefFor={hrefFor} />
    </>
  );
}

/**
 * The one way an import shows what is wrong with a file: every problem by line and column (nothing was imported), a
 * page at a time, and the way back to choosing another file, which discards the staged upload.
 */
export function ImportIssues({
  fileName,
  issues,
  uploadId,
  hrefFor,
}: {
  fileName: string;
  issues: PreviewPage<Issue>;
  uploadId: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <>
      <Alert type="error" title={`${fileName}: ${issues.total.toLocaleString("nl-NL")} ${issues.total === 1 ? "fout" : "fouten"}`}>
        <p className="utrecht-paragraph">Er is niets geïmporteerd. Herstel het bestand en laad het opnieuw.</p>
      </Alert>
      <IssueTable caption="Fouten per regel en kolom" issues={issues} hrefFor={hrefFor} />
      <ActionButton intent="discard" label="Ander bestand kiezen">
        <input type="hidden" name="uploadId" value={uploadId} />
      </ActionButton>
    </>
  );
}
