import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartsOf } from "~/components/report/report-chart.server";
import { pdfUnavailableHtml, reportPrintHtml } from "~/components/report/report-print.server";
import { parseReportYear } from "~/domain/report";
import { recordNumber } from "~/domain/url-params";
import { audit } from "~/models/audit.server";
import { regionNames } from "~/models/reference.server";
import { regionMapGeometry } from "~/models/region-map.server";
import { publication } from "~/models/report-publication.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { PdfUnavailableError, pdfOfHtml } from "~/utils/pdf.server";
import { actorOf } from "~/utils/request.server";

/**
 * /rapportage/<jaar>/versie/<n>/pdf: a publication as a PDF file, made on the server from the very document the
 * version page shows (same figures, same suppression, same print stylesheet). Only publications: the working
 * figures never leave as a file that looks finished. The server sends every answer here with Cache-Control: no-store
 * (server.ts), so no browser or proxy keeps a copy of the file.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "report.readPublished");
  const year = parseReportYear(params.year);
  const version = recordNumber(params.version);
  const document = year !== null && version !== null ? publication(year, version) : null;
  if (!document || year === null || version === null) notFound("Deze versie van de rapportage");
  const names = document.showRegions ? regionNames() : {};
  const map = document.showRegions ? { geometry: regionMapGeometry(), withTrajectory: [] } : null;
  const html = reportPrintHtml({ document, regionNames: names, charts: await chartsOf(document, names), map });
  let pdf: Buffer;
  try {
    pdf = await pdfOfHtml(html);
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    return new Response(pdfUnavailableHtml(error.reason, `/rapportage/${year}/versie/${version}`), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", ...(error.reason === "busy" ? { "Retry-After": "60" } : {}) },
    });
  }
  audit(actorOf(user, context), "report.pdf_downloaded", { type: "report", id: year }, { version });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="rode-draden-${year}-versie-${version}.pdf"`,
    },
  });
}
