import type { LoaderFunctionArgs } from "@remix-run/node";
import { yearReport } from "~/models/report.server";
import { isReportYear } from "~/domain/report";
import { notFound, requireUser } from "~/utils/guard.server";

/**
 * GET /reports/<year>.json — the report document of DESIGN.md. Unsuppressed figures, so only the intermediary; readers
 * will get published, suppressed versions with the publication step.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ["intermediary"]);
  const match = /^(\d{4})\.json$/.exec(params.file ?? "");
  const year = Number(match?.[1]);
  if (!match || !isReportYear(year)) notFound("Dit rapport");
  return Response.json(yearReport(year), { headers: { "Cache-Control": "no-store" } });
}
