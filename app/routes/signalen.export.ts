import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayInTheNetherlands } from "~/domain/dates";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { audit } from "~/models/audit.server";
import { toCsv, toXlsx } from "~/models/signal-export.server";
import { exportRecords } from "~/models/signal-import.server";
import { inboxIds } from "~/models/signal-inbox.server";
import { requireUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";

/**
 * The current inbox view as CSV or Excel; never the reporter's identity or details, the summary only when asked. Both
 * are meant for a spreadsheet and neutralise formula-like cells; `?formaat=machine` gives DESIGN.md's exact
 * signals.csv instead, for the import and outside tools (not to be opened in Excel).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["intermediary"]);
  const params = new URL(request.url).searchParams;
  const machine = params.get("formaat") === "machine";
  const format = !machine && params.get("format") === "xlsx" ? "xlsx" : "csv";
  const includeSummary = params.get("summary") === "yes";
  const records = exportRecords(inboxIds(parseInboxFilters(params)), includeSummary);
  audit(actorOf(user, context), "signal.exported", null, { format: machine ? "machine" : format, count: records.length, withSummary: includeSummary });
  const name = `signalen-${todayInTheNetherlands()}${machine ? "-machine" : ""}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${name}"` };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(records, includeSummary)), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  }
  return new Response(toCsv(records, includeSummary, machine), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
