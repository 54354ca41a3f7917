import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { audit } from "~/models/audit.server";
import { toCsv, toXlsx } from "~/models/signal-export.server";
import { exportRecords } from "~/models/signal-import.server";
import { inboxIds } from "~/models/signal-inbox.server";
import { requireUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";

/** The current inbox view as CSV or Excel; never the reporter's identity or details, the summary only when asked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["intermediary"]);
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const includeSummary = params.get("summary") === "yes";
  const records = exportRecords(inboxIds(parseInboxFilters(params)), includeSummary);
  audit(actorOf(user, context), "signal.exported", null, { format, count: records.length, withSummary: includeSummary });
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = { "Content-Disposition": `attachment; filename="signalen-${stamp}.${format}"` };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(records, includeSummary)), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  }
  return new Response(toCsv(records, includeSummary), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
