import type { ReportDocument } from "~/domain/report-document";
import { pageRules, runningFooter } from "~/domain/report-print";

/**
 * The page footer of the printed report (browser print and the server's PDF alike): `@page` margin boxes with the
 * organisation, title, version and page numbers. A style element, since the text differs per document; the
 * organisation's name is escaped out of the CSS string (report-print.ts).
 */
export function PrintFooter({ document, preview }: { document: ReportDocument; preview?: { version: number } }) {
  const version = document.publication?.version ?? preview?.version ?? null;
  return <style dangerouslySetInnerHTML={{ __html: pageRules(runningFooter(document.report.year, version, document.colophon?.organisation)) }} />;
}
