import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayInTheNetherlands } from "~/domain/dates";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { audit } from "~/models/audit.server";
import { exportRows } from "~/models/signal-export-rows.server";
import { toCsv, toXlsx } from "~/models/signal-export.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

/**
 * The current inbox view as CSV or Excel; never the reporter's identity or details, the summary only when asked. Both
 * are meant for a spreadsheet and neutralise formula-like cells; `?formaat=machine` gives DESIGN.md's exact
 * signals.csv instead, for the import and outside tools (not to be opened in Excel).
 *
 * The body streams from a cursor (export-stream.server.ts): a million rows neither fill the memory nor hold up other
 * requests. The audit entry is written before the first byte, with the count of the snapshot that is sent.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.export");
  const params = new URL(request.url).searchParams;
  const machine = params.get("formaat") === "machine";
  const format = !machine && params.get("format") === "xlsx" ? "xlsx" : "csv";
  const includeSummary = params.get("summary") === "yes";
  const source = await exportRows(parseInboxFilters(params), includeSummary);
  try {
    audit(actorOf(user, context), "signal.exported", null, { format: machine ? "machine" : format, count: source.count, withSummary: includeSummary });
  } catch (error) {
    source.close();
    throw error;
  }
  const name = `signalen-${todayInTheNetherlands()}${machine ? "-machine" : ""}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${name}"` };
  if (format === "xlsx") {
    return new Response(toXlsx(source, includeSummary), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  }
  return new Response(toCsv(source, includeSummary, machine), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
