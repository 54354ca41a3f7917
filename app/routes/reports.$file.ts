import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportYear } from "~/domain/report";
import { can } from "~/domain/permissions";
import { yearReport } from "~/models/report.server";
import { publication } from "~/models/report-publication.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";

/**
 * GET /reports/<year>.json — the report document of DESIGN.md. The intermediary gets every figure; a reader gets the
 * latest published version, suppressed as it was published (404 while nothing is published).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "report.readPublished");
  const year = parseReportYear(/^(\d{4})\.json$/.exec(params.file ?? "")?.[1]);
  if (year === null) notFound("Dit rapport");
  if (can(user.roles, "report.readWorking")) return Response.json(yearReport(year));
  const published = publication(year);
  if (!published) notFound(`Een gepubliceerde rapportage over ${year}`);
  return Response.json(published.report);
}
