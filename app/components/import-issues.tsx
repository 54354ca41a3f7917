import { Alert } from "./ui/alert";
import { DataTable } from "./ui/table";

/** The one way an import shows what is wrong with a file: every problem by line and column; nothing was imported. */
export function ImportIssues({ fileName, issues }: { fileName: string; issues: { line: number; column?: string; message: string }[] }) {
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
    </>
  );
}
