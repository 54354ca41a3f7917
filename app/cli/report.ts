import { parseArgs } from "node:util";
import { MIN_REPORT_YEAR, parseReportYear } from "~/domain/report";
import { labelsOf } from "~/domain/report-document";
import { formatFigure, formatShare, NO_LABELS, type FigureLabels } from "~/domain/report-format";
import type { PublishedCell, PublishedReport } from "~/domain/report-suppression";
import { REQUESTER_TYPE_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { yearReport } from "~/models/report.server";
import { publication } from "~/models/report-publication.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";

/** Exit code for wrong usage, kept apart from 1 (the report itself failed) so scripts can tell the two apart. */
const USAGE = 2;
const USAGE_TEXT = "Gebruik: npm run report -- --year <jaar> [--json] [--published]";

type Options = { year: number; json: boolean; published: boolean };

function parseYear(args: string[]): Options | { error: string } {
  let values: { year?: string; json?: boolean; published?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { year: { type: "string" }, json: { type: "boolean", default: false }, published: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    // parseArgs explains in English; the operator reads Dutch.
    return { error: `Onbekende of onvolledige optie. ${USAGE_TEXT}` };
  }
  if (values.year === undefined) return { error: `Geef het jaar op met --year. ${USAGE_TEXT}` };
  const year = parseReportYear(values.year);
  if (year === null) {
    return { error: `Ongeldig jaar "${values.year}": geef een jaar van ${MIN_REPORT_YEAR} tot en met dit jaar.` };
  }
  return { year, json: values.json ?? false, published: values.published ?? false };
}

function lines(dimension: string, cells: Record<string, PublishedCell>, labels: Readonly<Record<string, string>>, reading: FigureLabels): string[] {
  return Object.entries(cells)
    .filter(([, cell]) => cell.count !== 0)
    .map(([code, cell]) => {
      // A code outside the known list still gets a line, under its code.
      const label = labels[code] ?? code;
      return `  ${label}: ${formatShare(cell.share, cell.count)} (${formatFigure(cell.count, `signals.${dimension}.${code}`, reading)})`;
    });
}

function summary(report: PublishedReport, reading: FigureLabels): string {
  const { signals } = report;
  const out = [`Jaarrapportage ${report.year}`, `Vragen en signalen: ${formatFigure(signals.total, "signals.total", reading)}`];
  if (signals.total !== 0) {
    out.push(
      `Over een komende of lopende aanbesteding of een nog te sluiten contract: ${formatShare(signals.tenderRelated.share, signals.tenderRelated.count)} (${formatFigure(signals.tenderRelated.count, "signals.tenderRelated", reading)})`,
      "Afkomstig van:",
      ...lines("byRequesterType", signals.byRequesterType, REQUESTER_TYPE_LABELS, reading),
      "Soort vraag:",
      ...lines("byTopic", signals.byTopic, TOPIC_LABELS, reading),
    );
  }
  out.push("Het volledige overzicht: voeg --json toe.");
  return `${out.join("\n")}\n`;
}

/**
 * --published prints the latest published version exactly as readers got it (frozen, suppressed); there is no
 * suppressed version of a year nobody published, so that is an error rather than a guess at the settings.
 */
function publishedReport(year: number): { report: PublishedReport; reading: FigureLabels } | null {
  const latest = publication(year);
  return latest ? { report: latest.report, reading: labelsOf(latest, "current") } : null;
}

function main(): number {
  const parsed = parseYear(process.argv.slice(2));
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    return USAGE;
  }
  try {
    prepareDatabase();
    const chosen = parsed.published ? publishedReport(parsed.year) : { report: yearReport(parsed.year), reading: NO_LABELS };
    if (!chosen) {
      process.stderr.write(`Over ${parsed.year} is nog geen rapportage gepubliceerd. Publiceer een versie op /rapportage/${parsed.year}.\n`);
      return 1;
    }
    process.stdout.write(parsed.json ? `${JSON.stringify(chosen.report, null, 2)}\n` : summary(chosen.report, chosen.reading));
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
