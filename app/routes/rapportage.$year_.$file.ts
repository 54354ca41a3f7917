import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportYear } from "~/domain/report";
import { reportTables } from "~/domain/report-tables";
import { can } from "~/domain/permissions";
import { regionNames } from "~/models/reference.server";
import { reportTablesCsv, reportTablesXlsx } from "~/models/report-export.server";
import { liveReport, publication } from "~/models/report-publication.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, versionAsked } from "~/utils/not-found.server";

/**
 * /rapportage/<jaar>/tabellen.csv|xlsx: the aggregate tables. `?versie=N` gives those of a publication (suppressed);
 * without it the intermediary gets the working figures. Readers only ever get a publication.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "report.readPublished");
  const year = parseReportYear(params.year);
  const format = /^tabellen\.(csv|xlsx)$/.exec(params.file ?? "")?.[1];
  if (year === null || !format) notFound("Dit bestand");
  const version = versionAsked(request);
  const working = version === undefined && can(user.roles, "report.readWorking");
  const document = working ? liveReport(year) : publication(year, version);
  if (!document) notFound("Deze rapportage");
  const tables = reportTables(document, document.showRegions ? regionNames() : {});
  const suffix = document.publication ? `-versie-${document.publication.version}` : "-werkversie";
  const headers = { "Content-Disposition": `attachment; filename="rode-draden-${year}${suffix}.${format}"` };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await reportTablesXlsx(tables, year)), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  }
  return new Response(reportTablesCsv(tables), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
