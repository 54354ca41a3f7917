import { Heading, Paragraph } from "~/components/ui/text";
import { formatDate } from "~/domain/dates-nl";
import type { ReportDocument } from "~/domain/report-document";
import { policyLabel } from "~/domain/report-policy";

/** The cover, as the seed report's: title, year, organisation; then which version this is and how it is protected. */
export function ReportCover({ document, preview }: { document: ReportDocument; preview?: { version: number } }) {
  const { report, publication, policy, threshold, colophon } = document;
  return (
    <header className="rd-report-cover">
      <p className="rd-report-kicker">Eindrapport van de intermediair vrijgevestigde jeugd-GGZ en jeugdhulpaanbieders</p>
      <Heading level={1}>Rode draden {report.year}</Heading>
      <Paragraph lead>Vragen, signalen en bemiddelingstrajecten rond de inkoop van jeugdhulp bij vrijgevestigde aanbieders</Paragraph>
      {colophon?.organisation ? <p className="utrecht-paragraph rd-report-organisation">{colophon.organisation}</p> : null}
      {publication || preview ? (
        <Paragraph>
          {publication
            ? `Gepubliceerde versie ${publication.version} van ${formatDate(publication.publishedAt)}.`
            : `Voorbeeld van versie ${preview?.version}: zo krijgen lezers deze rapportage.`}{" "}
          {policy ? `Afscherming: ${policyLabel(policy, threshold).toLowerCase()}. ` : null}
          Aantallen kleiner dan {threshold} staan er als “&lt; {threshold}”; “afgeschermd” staat bij een aantal dat is weggelaten
          omdat er anders een kleiner aantal uit terug te rekenen zou zijn.
          {document.showRegions ? null : " Regionamen zijn weggelaten."}
        </Paragraph>
      ) : (
        <Paragraph>Werkversie met alle cijfers, alleen voor de intermediair. Lezers zien alleen gepubliceerde versies.</Paragraph>
      )}
    </header>
  );
}

/** The colophon of the seed report: text by, version, date of publication. */
export function ReportColophon({ document, preview }: { document: ReportDocument; preview?: { version: number } }) {
  const { colophon, publication, narrative } = document;
  const rows: [string, string][] = [];
  if (colophon?.author) rows.push(["Tekst", colophon.author]);
  if (colophon?.organisation) rows.push(["Organisatie", colophon.organisation]);
  rows.push(["Versie", publication ? `${publication.version}` : preview ? `${preview.version} (voorbeeld)` : "werkversie"]);
  rows.push(["Datum van publicatie", publication ? formatDate(publication.publishedAt) : "nog niet gepubliceerd"]);
  if (narrative) rows.push(["Versie van de tekst", String(narrative.version)]);
  return (
    <section className="rd-report-section rd-report-colophon" aria-labelledby="rapport-colofon">
      <Heading level={2} id="rapport-colofon">
        Colofon
      </Heading>
      <dl className="rd-colophon">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
