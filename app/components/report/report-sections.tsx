import { Fragment, type ReactNode } from "react";
import { Heading, TextLink } from "~/components/ui/text";
import { labelsOf, type ReportDocument } from "~/domain/report-document";
import { formatFigure, formatShare, readFigure, type FigureLabels } from "~/domain/report-format";
import { hrefOf, type Sentence } from "~/domain/report-prose";
import type { PublishedCell } from "~/domain/report-suppression";
import { CHANNEL_LABELS, REFERRER_LABELS, TRIGGER_LABELS } from "~/domain/signal-codes";
import { STEP_LABELS, STEPS } from "~/domain/trajectory-codes";

/**
 * The data parts of the document's sections: how the signals came in (Samenvatting van de hulpvragen), how often each
 * step of the method was used (Werkwijze), and the key figures set out at the head of the findings.
 */

function ShareList({ cells, prefix, labels, names }: { cells: Record<string, PublishedCell>; prefix: string; labels: FigureLabels; names: Readonly<Record<string, string>> }) {
  const items = Object.entries(cells).filter(([, cell]) => cell.count !== 0);
  if (items.length === 0) return <p className="utrecht-paragraph">Geen.</p>;
  return (
    <ul className="utrecht-unordered-list">
      {items.map(([code, cell]) => (
        <li key={code} className="utrecht-unordered-list__item">
          {names[code] ?? code}: <strong>{cell.count === null ? formatFigure(null, `${prefix}.${code}`, labels) : formatShare(cell.share, cell.count)}</strong>
          {cell.count !== null ? ` (${formatFigure(cell.count, `${prefix}.${code}`, labels)} ${cell.count === 1 ? "vraag" : "vragen"})` : null}
        </li>
      ))}
    </ul>
  );
}

export function RequestsSummary({ document }: { document: ReportDocument }) {
  const labels = labelsOf(document, "current");
  const { signals } = document.report;
  if (signals.total === 0) return <p className="utrecht-paragraph">Er kwamen dit jaar geen vragen of signalen binnen.</p>;
  return (
    <>
      <Heading level={3}>Hoe komen de signalen binnen?</Heading>
      <ShareList cells={signals.byChannel} prefix="signals.byChannel" labels={labels} names={CHANNEL_LABELS} />
      {document.extra ? (
        <>
          <Heading level={3}>Aangedragen door</Heading>
          <ShareList cells={document.extra.byReferrer} prefix="signals.byReferrer" labels={labels} names={REFERRER_LABELS} />
        </>
      ) : null}
      <Heading level={3}>Aanleidingen van de hulpvraag</Heading>
      <p className="utrecht-paragraph">Een vraag kan meer dan één aanleiding hebben; de aandelen zijn van alle vragen.</p>
      <ShareList cells={signals.byTrigger} prefix="signals.byTrigger" labels={labels} names={TRIGGER_LABELS} />
    </>
  );
}

/** The eight steps, with the number of the year's trajectories that used each (started or finished it). */
export function MethodSteps({ document }: { document: ReportDocument }) {
  const labels = labelsOf(document, "current");
  const { total } = document.report.trajectories;
  const steps = document.extra?.steps;
  const totalText = formatFigure(total, "trajectories.total", labels);
  return (
    <>
      <p className="utrecht-paragraph">
        {steps && total !== 0
          ? `Niet alle stappen worden in elk traject gevolgd, noch in dezelfde volgorde. Zo vaak werd elke stap gebruikt in de ${totalText} bemiddelingstrajecten van ${document.report.year}:`
          : "Niet alle stappen worden in elk traject gevolgd, noch in dezelfde volgorde."}
      </p>
      <ol className="utrecht-ordered-list rd-steps">
        {STEPS.map((step) => {
          const count = steps?.[step];
          const used = count === undefined || total === 0 ? null : readFigure(count, `trajectories.steps.${step}`, labels);
          return (
            <li key={step} className="utrecht-ordered-list__item">
              {STEP_LABELS[step].replace(/^\d+\.\s*/, "")}
              {used === null ? null : (
                <>
                  {" — "}
                  <strong>
                    {used.kind === "count"
                      ? used.count === 0
                        ? "in geen enkel traject"
                        : `in ${used.count} ${used.count === 1 ? "traject" : "trajecten"}`
                      : used.kind === "small"
                        ? `in minder dan ${used.threshold} trajecten`
                        : "in een afgeschermd aantal trajecten"}
                  </strong>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** The findings' headline numbers, set out large as the seed report does. */
export function KeyNumbers({ document }: { document: ReportDocument }) {
  const labels = labelsOf(document, "current");
  const { signals, trajectories } = document.report;
  const share = (cell: PublishedCell, path: string) => (cell.count === null ? formatFigure(null, path, labels) : formatShare(cell.share, cell.count));
  const items: [string, string][] = [
    [formatFigure(signals.total, "signals.total", labels), "vragen en signalen"],
    [share(signals.tenderRelated, "signals.tenderRelated"), "over een komende of lopende aanbesteding, of een nog te sluiten contract"],
    [share(signals.byRequesterType.provider ?? { count: 0, share: 0 }, "signals.byRequesterType.provider"), "van vrijgevestigden"],
    [formatFigure(trajectories.total, "trajectories.total", labels), "bemiddelingstrajecten"],
    [formatFigure(trajectories.regions, "trajectories.regions", labels), "jeugdhulpregio's met een traject"],
  ];
  return (
    <dl className="rd-key-figures">
      {items.map(([value, label]) => (
        <div key={label} className="rd-key-figure">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Sentences({ sentences, linked }: { sentences: Sentence[]; linked: boolean }): ReactNode {
  return sentences.map((sentence, index) => (
    <p key={index} className="utrecht-paragraph rd-report-finding">
      {sentence.map((piece, pieceIndex) =>
        typeof piece === "string" ? (
          <Fragment key={pieceIndex}>{piece}</Fragment>
        ) : linked ? (
          <TextLink key={pieceIndex} to={hrefOf(piece.source)}>
            <strong>{piece.text}</strong>
          </TextLink>
        ) : (
          <strong key={pieceIndex}>{piece.text}</strong>
        ),
      )}
    </p>
  ));
}
