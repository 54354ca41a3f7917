import { ActionButton } from "./form";
import { Alert } from "./ui/alert";
import { DataTable } from "./ui/table";

/**
 * The one way an import shows what is wrong with a file: every problem by line and column (nothing was imported),
 * and the way back to choosing another file, which discards the staged upload.
 */
export function ImportIssues({
  fileName,
  issues,
  uploadId,
}: {
  fileName: string;
  issues: { line: number; column?: string; message: string }[];
  uploadId: number;
}) {
  return (
    <>
      <Alert type="error" title={`${fileName}: ${issues.length} ${issues.length === 1 ? "fout" : "fouten"}`}>
        <p className="utrecht-paragraph">Er is niets geïmporteerd. Herstel het bestand en laad het opnieuw.</p>
      </Alert>
      <DataTable
        caption="Fouten per regel en kolom"
        rows={issues}
        rowKey={(i) => `${i.line}-${i.column ?? ""}-${i.message}`}
        empty={null}
        columns={[
          { header: "Regel", numeric: true, cell: (i) => i.line },
          { header: "Kolom", cell: (i) => i.column ?? "" },
          { header: "Fout", cell: (i) => i.message },
        ]}
      />
      <ActionButton intent="discard" label="Ander bestand kiezen">
        <input type="hidden" name="uploadId" value={uploadId} />
      </ActionButton>
    </>
  );
}
