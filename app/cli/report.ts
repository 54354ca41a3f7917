import { parseArgs } from "node:util";
import { isReportYear, MAX_REPORT_YEAR, MIN_REPORT_YEAR, type Cell, type YearReport } from "~/domain/report";
import { REQUESTER_TYPE_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { yearReport } from "~/models/report.server";
import { prepareDatabase } from "~/utils/boot.server";
import { closeDb } from "~/utils/db.server";

/** Exit code for wrong usage, kept apart from 1 (the report itself failed) so scripts can tell the two apart. */
const USAGE = 2;
const USAGE_TEXT = "Gebruik: npm run report -- --year <jaar> [--json]";

function parseYear(args: string[]): { year: number; json: boolean } | { error: string } {
  let values: { year?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { year: { type: "string" }, json: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    // parseArgs explains in English; the operator reads Dutch.
    return { error: `Onbekende of onvolledige optie. ${USAGE_TEXT}` };
  }
  if (values.year === undefined) return { error: `Geef het jaar op met --year. ${USAGE_TEXT}` };
  const year = /^[0-9]{4}$/.test(values.year) ? Number(values.year) : Number.NaN;
  if (!isReportYear(year)) {
    return { error: `Ongeldig jaar "${values.year}": geef een jaar van ${MIN_REPORT_YEAR} tot en met ${MAX_REPORT_YEAR}.` };
  }
  return { year, json: values.json ?? false };
}

function percent(cell: Cell): string {
  return `${Math.round(cell.share * 100)}%`;
}

function lines<Code extends string>(cells: Record<Code, Cell>, labels: Record<Code, string>): string[] {
  return Object.entries<Cell>(cells)
    .filter(([, cell]) => cell.count > 0)
    .map(([code, cell]) => {
      // A code outside the known list still gets a line, under its code.
      const label = (labels as Record<string, string>)[code] ?? code;
      return `  ${label}: ${percent(cell)} (${cell.count})`;
    });
}

function summary(report: YearReport): string {
  const { signals } = report;
  const out = [`Jaarrapportage ${report.year}`, `Vragen en signalen: ${signals.total}`];
  if (signals.total > 0) {
    out.push(
      `Over een komende of lopende aanbesteding of een nog te sluiten contract: ${percent(signals.tenderRelated)} (${signals.tenderRelated.count})`,
      "Afkomstig van:",
      ...lines(signals.byRequesterType, REQUESTER_TYPE_LABELS),
      "Soort vraag:",
      ...lines(signals.byTopic, TOPIC_LABELS),
    );
  }
  out.push("Het volledige overzicht: voeg --json toe.");
  return `${out.join("\n")}\n`;
}

function main(): number {
  const parsed = parseYear(process.argv.slice(2));
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    return USAGE;
  }
  try {
    prepareDatabase();
    const report = yearReport(parsed.year);
    process.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
    return 0;
  } catch (error) {
    process.stderr.write(`De rapportage kon niet worden gemaakt: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    closeDb();
  }
}

// exitCode rather than process.exit(): exiting at once can cut off a large JSON document still draining into a pipe.
process.exitCode = main();
