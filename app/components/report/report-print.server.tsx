import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import utrechtTokens from "@utrecht/design-tokens/dist/theme.css";
import type { ReportDocument } from "~/domain/report-document";
import type { PdfUnavailableError } from "~/utils/pdf.server";
import utrechtComponents from "~/styles/utrecht.css";
import theme from "~/styles/theme.css";
import type { RegionMapData } from "./region-map";
import { ReportView } from "./report-view";

/**
 * A publication as one self-contained HTML file for the PDF: the very ReportView readers get on the page (same
 * figures, same suppression, same charts), without the site's header and footer, with the app's own stylesheets
 * inlined so the browser that prints it fetches nothing.
 */

const stylesheets = new Map<string, string>();

/** The built stylesheet behind an asset URL (/build/_assets/…), read once. */
function stylesheet(href: string): string {
  let text = stylesheets.get(href);
  if (text === undefined) {
    const file = path.join(process.cwd(), "public", path.posix.normalize(href));
    text = fs.readFileSync(file, "utf8").replace(/<\/style/gi, "<\\/style");
    stylesheets.set(href, text);
  }
  return text;
}

export function reportPrintHtml(props: { document: ReportDocument; regionNames: Record<string, string>; charts: Record<string, string>; map: RegionMapData | null }): string {
  const { year } = props.document.report;
  const css = [utrechtTokens, utrechtComponents, theme].map(stylesheet).join("\n");
  const body = renderToStaticMarkup(
    <main className="utrecht-page-content rd-main">
      <ReportView document={props.document} regionNames={props.regionNames} charts={props.charts} linked={false} map={props.map} />
    </main>,
  );
  return `<!DOCTYPE html><html lang="nl" class="utrecht-theme rd-theme"><head><meta charset="utf-8"><title>Rode draden ${year}</title><style>${css}</style></head><body class="utrecht-page-body utrecht-body rd-body">${body}</body></html>`;
}

const UNAVAILABLE: Record<PdfUnavailableError["reason"], string> = {
  missing:
    "Op de server ontbreekt het programma dat de PDF maakt (Chromium). Vraag de beheerder het te installeren of de plaats ervan in te stellen (CHROMIUM_PATH).",
  busy: "Er worden nu al enkele PDF’s gemaakt. Probeer het over een minuut opnieuw.",
  timeout: "Het maken van de PDF duurde te lang en is afgebroken. Probeer het over een minuut opnieuw.",
  failed: "Het maken van de PDF is mislukt. Probeer het opnieuw; lukt het dan niet, meld het de beheerder.",
};

/** The page a PDF download answers with when no PDF can be made: what happened and what to do instead. */
export function pdfUnavailableHtml(reason: PdfUnavailableError["reason"], back: string): string {
  const links = [utrechtTokens, utrechtComponents, theme].map((href) => `<link rel="stylesheet" href="${href}">`).join("");
  const body = renderToStaticMarkup(
    <main className="utrecht-page-content rd-main">
      <section className="rd-section">
        <h1 className="utrecht-heading-1">De PDF kan nu niet worden gemaakt</h1>
        <p className="utrecht-paragraph">{UNAVAILABLE[reason]}</p>
        <p className="utrecht-paragraph">
          U kunt de rapportage ook zelf als PDF opslaan: open haar en kies “PDF of afdrukken” en daarna “Opslaan als PDF”.
        </p>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={back}>
            Terug naar de rapportage
          </a>
        </p>
      </section>
    </main>,
  );
  return `<!DOCTYPE html><html lang="nl" class="utrecht-theme rd-theme"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>PDF niet beschikbaar · Rode Draad</title>${links}</head><body class="utrecht-page-body utrecht-body rd-body">${body}</body></html>`;
}
