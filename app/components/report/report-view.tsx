import type { ReactNode } from "react";
import { DataTable, type Column } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { labelsOf, type ReportDocument } from "~/domain/report-document";
import { policyLabel } from "~/domain/report-policy";
import { NARRATIVE_LABELS, type NarrativePart } from "~/domain/report-narrative";
import { hrefOf, signalSentences, trajectorySentences, type Sentence } from "~/domain/report-prose";
import { keyFigures, reportTables, type ReportTable, type TableRow } from "~/domain/report-tables";
import { NarrativeText } from "./narrative-text";

/**
 * One year report as a document: cover, introduction, findings in prose, comparison, charts with their tables,
 * common threads and conclusions. `linked` (the intermediary's live view) turns every figure into a link to the
 * records behind it; a publication renders the same text without links, since its readers cannot open records.
 */
export function ReportView({
  document,
  regionNames,
  charts,
  linked,
  preview,
}: {
  document: ReportDocument;
  regionNames: Record<string, string>;
  /** Finished SVG per table id, drawn by the server (report-chart.server.tsx). */
  charts: Record<string, string>;
  linked: boolean;
  /** The intermediary's preview of the version that publishing would make. */
  preview?: { version: number };
}) {
  const { report, previous, narrative, threshold, publication, policy } = document;
  const tables = reportTables(document, regionNames);
  const labels = labelsOf(document, "current");
  const part = (key: NarrativePart) =>
    narrative && narrative[key] !== "" ? (
      <section className="rd-report-section" aria-labelledby={`rapport-${key}`}>
        <Heading level={2} id={`rapport-${key}`}>
          {NARRATIVE_LABELS[key]}
        </Heading>
        <NarrativeText text={narrative[key]} />
      </section>
    ) : null;

  return (
    <article className="rd-report">
      <header className="rd-report-cover">
        <p className="rd-report-kicker">Jaarrapportage van de intermediair</p>
        <Heading level={1}>Rode draden {report.year}</Heading>
        <Paragraph lead>Vragen, signalen en bemiddelingstrajecten rond de inkoop van jeugdhulp bij vrijgevestigde aanbieders</Paragraph>
        {publication || preview ? (
          <Paragraph>
            {publication
              ? `Gepubliceerde versie ${publication.version} van ${new Date(publication.publishedAt).toLocaleDateString("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" })}.`
              : `Voorbeeld van versie ${preview?.version}: zo krijgen lezers deze rapportage.`}{" "}
            {policy ? `Afscherming: ${policyLabel(policy, threshold).toLowerCase()}. ` : null}
            Aantallen kleiner dan {threshold} staan er als “&lt; {threshold}”; “afgeschermd” staat bij een aantal dat is
            weggelaten omdat er anders een kleiner aantal uit terug te rekenen zou zijn.
            {document.showRegions ? null : " Regionamen zijn weggelaten."}
          </Paragraph>
        ) : (
          <Paragraph>Werkversie met alle cijfers, alleen voor de intermediair. Lezers zien alleen gepubliceerde versies.</Paragraph>
        )}
      </header>

      {part("introduction")}

      <section className="rd-report-section" aria-labelledby="rapport-bevindingen">
        <Heading level={2} id="rapport-bevindingen">
          De bevindingen
        </Heading>
        <Heading level={3}>Vragen en signalen</Heading>
        <Sentences sentences={signalSentences(report, labels)} linked={linked} />
        <Heading level={3}>Bemiddelingstrajecten</Heading>
        <Sentences sentences={trajectorySentences(report, labels)} linked={linked} />
      </section>

      {previous ? (
        <section className="rd-report-section" aria-labelledby="rapport-vergelijking">
          <Heading level={2} id="rapport-vergelijking">
            Vergelijking met {previous.year}
          </Heading>
          <DataTable
            caption={`Kerncijfers ${report.year} en ${previous.year}`}
            rows={keyFigures(document)}
            rowKey={(row) => row.label}
            empty={null}
            columns={[
              { header: "Kerncijfer", rowHeader: true, cell: (row) => row.label },
              { header: String(report.year), numeric: true, cell: (row) => row.current },
              { header: String(previous.year), numeric: true, cell: (row) => row.previous },
              { header: "Verschil", numeric: true, cell: (row) => row.difference },
            ]}
          />
        </section>
      ) : null}

      <section className="rd-report-section" aria-labelledby="rapport-cijfers">
        <Heading level={2} id="rapport-cijfers">
          Cijfers en grafieken
        </Heading>
        {tables.map((table) => (
          <FigureWithTable key={table.id} table={table} chart={charts[table.id]} linked={linked} previousYear={previous?.year} />
        ))}
      </section>

      {part("threads")}
      {part("conclusions")}
    </article>
  );
}

function Sentences({ sentences, linked }: { sentences: Sentence[]; linked: boolean }) {
  return (
    <>
      {sentences.map((sentence, index) => (
        <p key={index} className="utrecht-paragraph rd-report-finding">
          {sentence.map((piece, pieceIndex) =>
            typeof piece === "string" ? (
              piece
            ) : linked ? (
              <TextLink key={pieceIndex} to={hrefOf(piece.source)}>
                <strong>{piece.text}</strong>
              </TextLink>
            ) : (
              <strong key={pieceIndex}>{piece.text}</strong>
            ),
          )}
        </p>
      ))}
    </>
  );
}

function FigureWithTable({
  table,
  chart,
  linked,
  previousYear,
}: {
  table: ReportTable;
  chart: string | undefined;
  linked: boolean;
  previousYear: number | undefined;
}) {
  const hasShare = table.rows.some((row) => row.share !== undefined);
  const columns: Column<TableRow>[] = [
    {
      header: "Omschrijving",
      rowHeader: true,
      cell: (row): ReactNode => (linked ? <TextLink to={hrefOf(row.source)}>{row.label}</TextLink> : row.label),
    },
    { header: `Aantal ${table.unit}`, numeric: true, cell: (row) => row.countText },
  ];
  if (hasShare) columns.push({ header: "Aandeel", numeric: true, cell: (row) => row.shareText ?? "" });
  if (previousYear !== undefined) {
    columns.push(
      { header: String(previousYear), numeric: true, cell: (row) => row.previousText ?? "" },
      { header: "Verschil", numeric: true, cell: (row) => row.difference ?? "" },
    );
  }
  return (
    <figure className="rd-report-figure" id={`tabel-${table.id}`} aria-labelledby={`titel-${table.id}`}>
      <figcaption id={`titel-${table.id}`} className="utrecht-heading-3">
        {table.title}
      </figcaption>
      {chart ? <div className="rd-chart" aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart }} /> : null}
      <DataTable caption={`${table.title}: aantallen`} rows={table.rows} rowKey={(row) => row.code} empty={null} columns={columns} />
    </figure>
  );
}
