import type { FigureSource } from "./report-prose";
import type { PublishedCell, PublishedReport } from "./report-suppression";
import {
  CHANNEL_LABELS,
  PHASE_LABELS,
  REQUESTER_TYPE_LABELS,
  TENDER_PHASES,
  TOPIC_LABELS,
  TRIGGER_LABELS,
} from "./signal-codes";
import { ESCALATION_LABELS, REPORTED_OUTCOME_LABELS } from "./trajectory-codes";
import { formatCount, formatDifference, formatMonth, formatShare, formatShareDifference } from "./report-format";

/**
 * The aggregate tables of a year report. One definition feeds the charts, the accessible tables under them and the
 * CSV/Excel exports, so the three can never disagree.
 */

export type TableRow = {
  code: string;
  label: string;
  count: number | null;
  /** Share of all signals; absent for trajectory figures, which DESIGN.md reports as counts. */
  share?: number | null;
  /** The same figure a year earlier; absent when there is nothing to compare with. */
  previous?: number | null;
  source: FigureSource;
};

export type ReportTable = {
  id: string;
  title: string;
  /** What the counts count, for column headers ("Aantal vragen"). */
  unit: "vragen" | "trajecten";
  /** Whether the page draws this table as a chart too. */
  chart: boolean;
  rows: TableRow[];
};

type Labels = Readonly<Record<string, string>>;

function cellRows(
  cells: Record<string, PublishedCell>,
  previous: Record<string, PublishedCell> | undefined,
  labels: Labels,
  source: (code: string) => FigureSource,
  comparing: boolean,
): TableRow[] {
  return Object.entries(cells).map(([code, cell]) => ({
    code,
    label: labels[code] ?? code,
    count: cell.count,
    share: cell.share,
    ...(comparing ? { previous: previous?.[code]?.count ?? 0 } : {}),
    source: source(code),
  }));
}

export function reportTables(
  report: PublishedReport,
  previous: PublishedReport | null,
  regionNames: Readonly<Record<string, string>>,
): ReportTable[] {
  const y = String(report.year);
  const comparing = previous !== null;
  const inbox = (filter: Record<string, string>): FigureSource => ({ list: "signals", filter: { year: y, ...filter } });
  const list = (filter: Record<string, string>): FigureSource => ({ list: "trajectories", filter: { year: y, ...filter } });
  const s = report.signals;
  const p = previous?.signals;
  const tables: ReportTable[] = [
    {
      id: "onderwerpen",
      title: "Soort vraag",
      unit: "vragen",
      chart: true,
      rows: cellRows(s.byTopic, p?.byTopic, TOPIC_LABELS, (topic) => inbox({ topic }), comparing),
    },
    {
      id: "afkomstig-van",
      title: "Afkomstig van",
      unit: "vragen",
      chart: true,
      rows: cellRows(s.byRequesterType, p?.byRequesterType, REQUESTER_TYPE_LABELS, (requester) => inbox({ requester }), comparing),
    },
    {
      id: "fase-inkoop",
      title: "Fase van de inkoop (aanbestedingsgerelateerd: de eerste drie)",
      unit: "vragen",
      chart: true,
      rows: [
        ...cellRows(s.byPhase, p?.byPhase, PHASE_LABELS, (phase) => inbox({ phase }), comparing),
        {
          code: "tender_related",
          label: `Aanbestedingsgerelateerd (${TENDER_PHASES.map((phase) => PHASE_LABELS[phase].toLowerCase()).join(", ")})`,
          count: s.tenderRelated.count,
          share: s.tenderRelated.share,
          ...(comparing ? { previous: p?.tenderRelated.count ?? 0 } : {}),
          source: inbox({ tender: "yes" }),
        },
      ],
    },
    {
      id: "per-maand",
      title: "Vragen per maand",
      unit: "vragen",
      chart: true,
      rows: s.byMonth.map((month, index) => ({
        code: month.month,
        label: formatMonth(month.month),
        count: month.count,
        ...(comparing ? { previous: p?.byMonth[index]?.count ?? 0 } : {}),
        source: inbox({ month: month.month }),
      })),
    },
    {
      id: "aanleidingen",
      title: "Aanleidingen (een vraag kan meer aanleidingen hebben)",
      unit: "vragen",
      chart: true,
      rows: cellRows(s.byTrigger, p?.byTrigger, TRIGGER_LABELS, (trigger) => inbox({ trigger }), comparing),
    },
    {
      id: "uitkomsten",
      title: "Uitkomsten van de bemiddelingstrajecten",
      unit: "trajecten",
      chart: true,
      rows: outcomeRows(report, previous, list),
    },
    {
      id: "kanalen",
      title: "Binnengekomen via",
      unit: "vragen",
      chart: false,
      rows: cellRows(s.byChannel, p?.byChannel, CHANNEL_LABELS, (channel) => inbox({ channel }), comparing),
    },
  ];
  if (Object.keys(s.byRegion).length > 0) {
    tables.push({
      id: "regios",
      title: "Vragen per jeugdregio",
      unit: "vragen",
      chart: false,
      rows: cellRows(s.byRegion, p?.byRegion, regionNames, (region) => inbox({ region }), comparing),
    });
  }
  return tables;
}

function outcomeRows(
  report: PublishedReport,
  previous: PublishedReport | null,
  list: (filter: Record<string, string>) => FigureSource,
): TableRow[] {
  const outcomes = report.trajectories.outcomes;
  const before = previous?.trajectories.outcomes;
  const row = (code: keyof typeof outcomes, label: string, filter: Record<string, string>): TableRow => ({
    code,
    label,
    count: outcomes[code],
    ...(previous ? { previous: before?.[code] ?? 0 } : {}),
    source: list(filter),
  });
  const escalationRows = (Object.keys(ESCALATION_LABELS) as (keyof typeof ESCALATION_LABELS)[]).map((type) => ({
    code: `escalation_${type}`,
    label: `Escalatie: ${ESCALATION_LABELS[type].toLowerCase()}`,
    count: report.trajectories.escalationTypes[type],
    ...(previous ? { previous: previous.trajectories.escalationTypes[type] } : {}),
    source: list({ outcome: "escalated" }),
  }));
  return [
    row("forces_bundled", REPORTED_OUTCOME_LABELS.forces_bundled, { outcome: "forces_bundled" }),
    row("joint_vision", REPORTED_OUTCOME_LABELS.joint_vision, { outcome: "joint_vision" }),
    row("cooperative_formed", REPORTED_OUTCOME_LABELS.cooperative_formed, { outcome: "cooperative_formed" }),
    row("contract_won", REPORTED_OUTCOME_LABELS.contract_won, { outcome: "contract_won" }),
    row("contracts_awarded_total", "Contracten gegund in die aanbestedingen (aantal contracten)", { outcome: "cooperative_formed" }),
    row("municipalities_consulted", `${REPORTED_OUTCOME_LABELS.municipalities_consulted} (aantal gemeenten)`, { outcome: "municipalities_consulted" }),
    row("vision_adapted", REPORTED_OUTCOME_LABELS.vision_adapted, { outcome: "vision_adapted" }),
    row("escalated", REPORTED_OUTCOME_LABELS.escalated, { outcome: "escalated" }),
    ...escalationRows,
  ];
}

export type KeyFigure = { label: string; current: string; previous: string; difference: string };

/** The headline figures side by side with the previous year: counts as differences, shares in percentage points. */
export function keyFigures(report: PublishedReport, previous: PublishedReport, threshold: number): KeyFigure[] {
  const count = (label: string, now: number | null, before: number | null): KeyFigure => ({
    label,
    current: formatCount(now, threshold),
    previous: formatCount(before, threshold),
    difference: formatDifference(now, before),
  });
  const share = (label: string, now: PublishedCell, before: PublishedCell): KeyFigure => ({
    label,
    current: formatShare(now.share),
    previous: formatShare(before.share),
    difference: formatShareDifference(now.share, before.share),
  });
  const s = report.signals;
  const p = previous.signals;
  const o = report.trajectories.outcomes;
  const q = previous.trajectories.outcomes;
  const none = { count: 0, share: 0 };
  return [
    count("Vragen en signalen", s.total, p.total),
    share("Aanbestedingsgerelateerd", s.tenderRelated, p.tenderRelated),
    share("Van vrijgevestigden", s.byRequesterType.provider ?? none, p.byRequesterType.provider ?? none),
    share("Rechtstreeks van gemeenten", s.byRequesterType.municipality ?? none, p.byRequesterType.municipality ?? none),
    count("Bemiddelingstrajecten", report.trajectories.total, previous.trajectories.total),
    count("Regio's met een traject", report.trajectories.regions, previous.trajectories.regions),
    count("Krachten gebundeld (regio's)", o.forces_bundled, q.forces_bundled),
    count("Gezamenlijke visie (regio's)", o.joint_vision, q.joint_vision),
    count("Coöperaties opgericht", o.cooperative_formed, q.cooperative_formed),
    count("Gemeenten meegepraat over inkoopvisie", o.municipalities_consulted, q.municipalities_consulted),
    count("Inkoopvisie aangepast (regio's)", o.vision_adapted, q.vision_adapted),
    count("Escalatie nodig (regio's)", o.escalated, q.escalated),
  ];
}
