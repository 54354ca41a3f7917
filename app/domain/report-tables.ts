import { labelsOf, type ReportDocument } from "./report-document";
import { formatDifference, formatFigure, formatMonth, formatShare, formatShareDifference, type FigureLabels } from "./report-format";
import type { FigureSource } from "./report-prose";
import type { PublishedCell, PublishedReport } from "./report-suppression";
import { CHANNEL_LABELS, PHASE_LABELS, REFERRER_LABELS, REQUESTER_TYPE_LABELS, TENDER_PHASES, TOPIC_LABELS, TRIGGER_LABELS } from "./signal-codes";
import { ESCALATION_LABELS, REPORTED_OUTCOME_LABELS, STEP_LABELS, STEPS } from "./trajectory-codes";

/**
 * The aggregate tables of a year report. One definition feeds the charts, the accessible tables under them and the
 * CSV/Excel exports, so the three can never disagree — down to how a suppressed cell reads ("< k", "afgeschermd").
 */

export type TableRow = {
  code: string;
  label: string;
  /** The cell's path in the report JSON. */
  path: string;
  count: number | null;
  /** The count as every output writes it. */
  countText: string;
  /** Share of all signals; absent for trajectory figures, which DESIGN.md reports as counts. */
  share?: number | null;
  shareText?: string;
  /** The same figure a year earlier, with the difference; absent when there is nothing to compare with. */
  previous?: number | null;
  previousText?: string;
  difference?: string;
  /** The staff list behind the figure; absent where no list filters on it (the steps). */
  source?: FigureSource;
};

export type ReportTable = {
  id: string;
  title: string;
  /** What the counts count, for column headers ("Aantal vragen"); one table never mixes units. */
  unit: "vragen" | "trajecten" | "regio's" | "gemeenten" | "";
  /** Whether the page draws this table as a chart too. */
  chart: boolean;
  /** A part of all signals: the chart's axis runs to the total, so the bar shows the part of the whole. */
  partOf?: number | null;
  rows: TableRow[];
};

type Labels = Readonly<Record<string, string>>;
type Reading = { current: FigureLabels; previous: FigureLabels | null };

/** One row from a cell of this year and, when comparing, the same cell a year earlier. */
function row(
  base: Pick<TableRow, "code" | "label" | "path" | "source">,
  now: { count: number | null; share?: number | null },
  before: { count: number | null } | undefined,
  reading: Reading,
): TableRow {
  const built: TableRow = { ...base, count: now.count, countText: formatFigure(now.count, base.path, reading.current) };
  if (now.share !== undefined) Object.assign(built, { share: now.share, shareText: formatShare(now.share, now.count) });
  if (reading.previous) {
    // A code the earlier year did not have counted none then.
    const previous = before === undefined ? 0 : before.count;
    Object.assign(built, {
      previous,
      previousText: formatFigure(previous, base.path, reading.previous),
      difference: formatDifference(now.count, previous),
    });
  }
  return built;
}

function cellRows(
  dimension: string,
  cells: Record<string, PublishedCell>,
  previous: Record<string, PublishedCell> | undefined,
  labels: Labels,
  source: (code: string) => FigureSource,
  reading: Reading,
): TableRow[] {
  return Object.entries(cells).map(([code, cell]) =>
    row({ code, label: labels[code] ?? code, path: `signals.${dimension}.${code}`, source: source(code) }, cell, previous?.[code], reading),
  );
}

export function reportTables(document: ReportDocument, regionNames: Readonly<Record<string, string>>): ReportTable[] {
  const { report, previous } = document;
  const reading: Reading = { current: labelsOf(document, "current"), previous: previous ? labelsOf(document, "previous") : null };
  const y = String(report.year);
  const inbox = (filter: Record<string, string>): FigureSource => ({ list: "signals", filter: { year: y, ...filter } });
  const list = (filter: Record<string, string>): FigureSource => ({ list: "trajectories", filter: { year: y, ...filter } });
  const s = report.signals;
  const p = previous?.signals;
  const cells = (dimension: "byTopic" | "byRequesterType" | "byPhase" | "byTrigger" | "byChannel" | "byRegion", labels: Labels, filter: string) =>
    cellRows(dimension, s[dimension], p?.[dimension], labels, (code) => inbox({ [filter]: code }), reading);
  const tables: ReportTable[] = [
    { id: "onderwerpen", title: "Soort vraag", unit: "vragen", chart: true, rows: cells("byTopic", TOPIC_LABELS, "topic") },
    { id: "afkomstig-van", title: "Afkomstig van", unit: "vragen", chart: true, rows: cells("byRequesterType", REQUESTER_TYPE_LABELS, "requester") },
    { id: "fase-inkoop", title: "Fase van de inkoop", unit: "vragen", chart: true, rows: cells("byPhase", PHASE_LABELS, "phase") },
    {
      id: "aanbestedingsgerelateerd",
      title: `Aanbestedingsgerelateerd: ${TENDER_PHASES.map((phase) => PHASE_LABELS[phase].toLowerCase()).join(", ")}`,
      unit: "vragen",
      chart: true,
      partOf: s.total,
      rows: [
        row(
          { code: "tender_related", label: "Aanbestedingsgerelateerde vragen", path: "signals.tenderRelated", source: inbox({ tender: "yes" }) },
          s.tenderRelated,
          p?.tenderRelated,
          reading,
        ),
      ],
    },
    {
      id: "per-maand",
      title: "Vragen per maand",
      unit: "vragen",
      chart: true,
      rows: s.byMonth.map((month, index) =>
        row(
          { code: month.month, label: formatMonth(month.month), path: `signals.byMonth.${month.month}`, source: inbox({ month: month.month }) },
          month,
          p?.byMonth[index],
          reading,
        ),
      ),
    },
    { id: "aanleidingen", title: "Aanleidingen (een vraag kan meer aanleidingen hebben)", unit: "vragen", chart: true, rows: cells("byTrigger", TRIGGER_LABELS, "trigger") },
    ...outcomeTables(report, previous, list, reading),
    { id: "kanalen", title: "Binnengekomen via", unit: "vragen", chart: false, rows: cells("byChannel", CHANNEL_LABELS, "channel") },
  ];
  const extra = document.extra;
  if (extra) {
    tables.push(
      {
        id: "aangedragen-door",
        title: "Aangedragen door",
        unit: "vragen",
        chart: false,
        rows: cellRows("byReferrer", extra.byReferrer, undefined, REFERRER_LABELS, (referrer) => inbox({ referrer }), { ...reading, previous: null }),
      },
      {
        id: "stappen",
        title: "Stappen van de werkwijze: trajecten die de stap gebruikten",
        unit: "trajecten",
        chart: false,
        rows: STEPS.map((step) =>
          row({ code: step, label: STEP_LABELS[step], path: `trajectories.steps.${step}` }, { count: extra.steps[step] ?? 0 }, undefined, { ...reading, previous: null }),
        ),
      },
    );
  }
  if (Object.keys(s.byRegion).length > 0) {
    tables.push({ id: "regios", title: "Vragen per jeugdregio", unit: "vragen", chart: false, rows: cells("byRegion", regionNames, "region") });
  }
  return tables;
}

/** The outcomes by what they count: regions (one trajectory each), municipalities, and cooperatives with their contracts. */
function outcomeTables(report: PublishedReport, previous: PublishedReport | null, list: (filter: Record<string, string>) => FigureSource, reading: Reading): ReportTable[] {
  const outcomes = report.trajectories.outcomes;
  const before = previous?.trajectories.outcomes;
  const outcome = (code: keyof typeof outcomes, label: string, filter: Record<string, string>): TableRow =>
    row({ code, label, path: `trajectories.outcomes.${code}`, source: list(filter) }, { count: outcomes[code] }, before ? { count: before[code] } : undefined, reading);
  const escalationRows = (Object.keys(ESCALATION_LABELS) as (keyof typeof ESCALATION_LABELS)[]).map((type) =>
    row(
      { code: `escalation_${type}`, label: `Escalatie: ${ESCALATION_LABELS[type].toLowerCase()}`, path: `trajectories.escalationTypes.${type}`, source: list({ outcome: "escalated" }) },
      { count: report.trajectories.escalationTypes[type] },
      previous ? { count: previous.trajectories.escalationTypes[type] } : undefined,
      reading,
    ),
  );
  return [
    {
      id: "uitkomsten-regios",
      title: "Uitkomsten van de bemiddelingstrajecten per regio",
      unit: "regio's",
      chart: true,
      rows: [
        outcome("forces_bundled", REPORTED_OUTCOME_LABELS.forces_bundled, { outcome: "forces_bundled" }),
        outcome("joint_vision", REPORTED_OUTCOME_LABELS.joint_vision, { outcome: "joint_vision" }),
        outcome("vision_adapted", REPORTED_OUTCOME_LABELS.vision_adapted, { outcome: "vision_adapted" }),
        outcome("escalated", REPORTED_OUTCOME_LABELS.escalated, { outcome: "escalated" }),
        ...escalationRows,
      ],
    },
    {
      id: "uitkomsten-gemeenten",
      title: "Gemeenten waar de vrijgevestigden meepraatten over de inkoopvisie",
      unit: "gemeenten",
      chart: false,
      rows: [outcome("municipalities_consulted", REPORTED_OUTCOME_LABELS.municipalities_consulted, { outcome: "municipalities_consulted" })],
    },
    {
      id: "uitkomsten-cooperaties",
      title: "Coöperaties en contracten",
      unit: "",
      chart: true,
      rows: [
        outcome("cooperative_formed", "Coöperaties opgericht", { outcome: "cooperative_formed" }),
        outcome("contract_won", "Coöperaties die een contract wonnen", { outcome: "contract_won" }),
        outcome("contracts_awarded_total", "Contracten gegund in die aanbestedingen", { outcome: "cooperative_formed" }),
      ],
    },
  ];
}

export type KeyFigure = { label: string; current: string; previous: string; difference: string };

/** The headline figures side by side with the previous year: counts as differences, shares in percentage points. */
export function keyFigures(document: ReportDocument): KeyFigure[] {
  const { report, previous } = document;
  if (!previous) return [];
  const now = labelsOf(document, "current");
  const then = labelsOf(document, "previous");
  const count = (label: string, path: string, current: number | null, before: number | null): KeyFigure => ({
    label,
    current: formatFigure(current, path, now),
    previous: formatFigure(before, path, then),
    difference: formatDifference(current, before),
  });
  const none: PublishedCell = { count: 0, share: 0 };
  // A suppressed share reads as its count does ("< 5", "afgeschermd"): a percentage of it would give it away.
  const shareText = (cell: PublishedCell, path: string, labels: FigureLabels) =>
    cell.count === null ? formatFigure(null, path, labels) : formatShare(cell.share, cell.count);
  const share = (label: string, path: string, current: PublishedCell = none, before: PublishedCell = none): KeyFigure => ({
    label,
    current: shareText(current, path, now),
    previous: shareText(before, path, then),
    difference: formatShareDifference(current.share, before.share),
  });
  const s = report.signals;
  const p = previous.signals;
  const o = report.trajectories.outcomes;
  const q = previous.trajectories.outcomes;
  const outcome = (label: string, key: keyof typeof o) => count(label, `trajectories.outcomes.${key}`, o[key], q[key]);
  return [
    count("Vragen en signalen", "signals.total", s.total, p.total),
    share("Aanbestedingsgerelateerd", "signals.tenderRelated", s.tenderRelated, p.tenderRelated),
    share("Van vrijgevestigden", "signals.byRequesterType.provider", s.byRequesterType.provider, p.byRequesterType.provider),
    share("Rechtstreeks van gemeenten", "signals.byRequesterType.municipality", s.byRequesterType.municipality, p.byRequesterType.municipality),
    count("Bemiddelingstrajecten", "trajectories.total", report.trajectories.total, previous.trajectories.total),
    count("Regio's met een traject", "trajectories.regions", report.trajectories.regions, previous.trajectories.regions),
    outcome("Krachten gebundeld (regio's)", "forces_bundled"),
    outcome("Gezamenlijke visie (regio's)", "joint_vision"),
    outcome("Coöperaties opgericht", "cooperative_formed"),
    outcome("Gemeenten meegepraat over inkoopvisie", "municipalities_consulted"),
    outcome("Inkoopvisie aangepast (regio's)", "vision_adapted"),
    outcome("Escalatie nodig (regio's)", "escalated"),
  ];
}

/** Every cell's name as a reader finds it ("Soort vraag: AVG"), for the list of suppressed cells in the preview. */
export function cellNames(document: ReportDocument, regionNames: Readonly<Record<string, string>>): Record<string, string> {
  const names: Record<string, string> = {
    "signals.total": "Vragen en signalen (totaal)",
    "signals.byRegion": "Vragen per jeugdregio (de hele tabel)",
    "trajectories.total": "Bemiddelingstrajecten (totaal)",
    "trajectories.regions": "Regio's met een traject",
  };
  for (const table of reportTables(document, regionNames)) for (const row of table.rows) names[row.path] = `${table.title}: ${row.label}`;
  return names;
}
