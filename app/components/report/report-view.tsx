import type { ReactNode } from "react";
import { Heading } from "~/components/ui/text";
import { labelsOf, type ReportDocument } from "~/domain/report-document";
import { NARRATIVE_LABELS, type NarrativePart } from "~/domain/report-narrative";
import { signalSentences, trajectorySentences } from "~/domain/report-prose";
import { reportTables } from "~/domain/report-tables";
import { NarrativeText } from "./narrative-text";
import { PrintFooter } from "./print-footer";
import type { RegionMapData } from "./region-map";
import { ReportAppendix } from "./report-appendix";
import { ReportColophon, ReportCover } from "./report-cover";
import { KeyNumbers, MethodSteps, RequestsSummary, Sentences } from "./report-sections";

/**
 * One year report as the document the seed report is: cover, Inleiding, Opdracht, Samenvatting van de hulpvragen,
 * Werkwijze, De bevindingen, Conclusie, Colofon, and the charts with their tables as appendices. Each section holds
 * the intermediary's text for it (the versioned narrative) and, where the seed report has figures, the figures from
 * the data. `linked` (the intermediary's live view) turns every figure into a link to the records behind it; a
 * publication renders the same text without links, since its readers cannot open records.
 */
export function ReportView({
  document,
  regionNames,
  charts,
  linked,
  preview,
  map = null,
}: {
  document: ReportDocument;
  regionNames: Record<string, string>;
  /** Finished SVG per table id, drawn by the server (report-chart.server.tsx). */
  charts: Record<string, string>;
  linked: boolean;
  /** The intermediary's preview of the version that publishing would make. */
  preview?: { version: number };
  /** The region map; only where region names may appear. */
  map?: RegionMapData | null;
}) {
  const { report, narrative } = document;
  const labels = labelsOf(document, "current");
  const text = (key: NarrativePart) => (narrative && narrative[key] !== "" ? <NarrativeText text={narrative[key]} /> : null);
  // Sections without text or figures are left out; the rest are numbered as the seed report numbers them.
  type Section = { key: NarrativePart; id: string; body: ReactNode };
  const all: Section[] = [
    { key: "assignment", id: "rapport-assignment", body: text("assignment") },
    {
      key: "requests",
      id: "rapport-requests",
      body: (
        <>
          {text("requests")}
          <RequestsSummary document={document} />
        </>
      ),
    },
    {
      key: "method",
      id: "rapport-method",
      body: (
        <>
          {text("method")}
          <MethodSteps document={document} />
        </>
      ),
    },
    {
      key: "threads",
      id: "rapport-bevindingen",
      body: (
        <>
          <KeyNumbers document={document} />
          <Heading level={3}>Vragen en signalen</Heading>
          <Sentences sentences={signalSentences(report, labels)} linked={linked} />
          <Heading level={3}>Bemiddelingstrajecten</Heading>
          <Sentences sentences={trajectorySentences(report, labels)} linked={linked} />
          {text("threads")}
        </>
      ),
    },
    { key: "conclusions", id: "rapport-conclusions", body: text("conclusions") },
  ];
  const sections = all.filter((section) => section.body !== null);

  return (
    <article className="rd-report">
      <PrintFooter document={document} preview={preview} />
      <ReportCover document={document} preview={preview} />
      {narrative && narrative.introduction !== "" ? (
        <section className="rd-report-section" aria-labelledby="rapport-introduction">
          <Heading level={2} id="rapport-introduction">
            {NARRATIVE_LABELS.introduction}
          </Heading>
          <NarrativeText text={narrative.introduction} />
        </section>
      ) : null}
      {sections.map((section, index) => (
        <section key={section.key} className="rd-report-section" aria-labelledby={section.id}>
          <Heading level={2} id={section.id}>
            {index + 1}. {NARRATIVE_LABELS[section.key]}
          </Heading>
          {section.body}
        </section>
      ))}
      <ReportColophon document={document} preview={preview} />
      <ReportAppendix document={document} tables={reportTables(document, regionNames)} charts={charts} linked={linked} map={document.showRegions ? map : null} />
    </article>
  );
}
