import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "~/components/form";
import { chartsOf } from "~/components/report/report-chart.server";
import { ReportView } from "~/components/report/report-view";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { DomainError } from "~/domain/errors";
import { parseReportYear } from "~/domain/report";
import { labelsOf } from "~/domain/report-document";
import { formatFigure } from "~/domain/report-format";
import { DEFAULT_POLICY, isPolicy, policyLabel, POLICIES } from "~/domain/report-policy";
import type { HideReason } from "~/domain/report-suppression";
import { cellNames } from "~/domain/report-tables";
import { regionNames } from "~/models/reference.server";
import { regionMapGeometry } from "~/models/region-map.server";
import { previewPublication, publishReport } from "~/models/report-publication.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = ({ params }) => [{ title: `Publiceren: rapportage ${params.year ?? ""} · Rode Draad` }];

function yearOf(text: string | undefined): number {
  return parseReportYear(text) ?? notFound("Deze rapportage");
}

/** The choice travels in the address (?beleid=…&regios=ja), so the preview is a plain page and changes nothing. */
function choiceOf(url: URL) {
  const asked = url.searchParams.get("beleid");
  return { policy: isPolicy(asked) ? asked : DEFAULT_POLICY, showRegions: url.searchParams.get("regios") === "ja" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "report.publish");
  const year = yearOf(params.year);
  const choice = choiceOf(new URL(request.url));
  let preview: ReturnType<typeof previewPublication>;
  try {
    preview = previewPublication(year, choice);
  } catch (error) {
    // Nothing to publish (an empty year) or nothing safe to publish: said on the page, with the way back.
    if (error instanceof DomainError) return { year, refused: error.message, preview: null };
    throw error;
  }
  const names = choice.showRegions ? regionNames() : {};
  const named = cellNames(preview.document, regionNames());
  const suppressed = preview.suppressed.map((cell) => {
    const part = cell.part === "current" ? preview.document.report : preview.document.previous;
    const labels = labelsOf(preview.document, cell.part);
    const year = part?.year ?? preview.document.report.year;
    return { ...cell, year, name: named[cell.path] ?? cell.path, shown: cell.path === "signals.byRegion" ? "weggelaten" : formatFigure(null, cell.path, labels) };
  });
  const map = choice.showRegions ? { geometry: regionMapGeometry(), withTrajectory: [] } : null;
  return { year, refused: null, choice, preview: { ...preview, suppressed }, regionNames: names, charts: await chartsOf(preview.document, names), map };
}

const confirmSchema = z.object({
  policy: z.enum(POLICIES, { errorMap: () => ({ message: "Kies hoe kleine aantallen worden afgeschermd." }) }),
  showRegions: z.enum(["ja", "nee"]),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "Bekijk het voorbeeld opnieuw voordat u publiceert."),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "report.publish");
  const year = yearOf(params.year);
  const { submission } = await readForm(request, confirmSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  const { policy, showRegions, fingerprint } = submission.value;
  try {
    const version = publishReport(year, { policy, showRegions: showRegions === "ja", fingerprint }, actorOf(user, context));
    return redirectWithFlash(`/rapportage/${year}/versie/${version}`, `Versie ${version} van de rapportage over ${year} is gepubliceerd.`);
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

const REASONS: Record<HideReason, string> = {
  small: "kleiner dan de drempel",
  version: "verschilt minder dan de drempel van een eerdere versie, of was daar afgeschermd",
  secondary: "anders terug te rekenen uit totalen en andere cellen",
  table: "de hele tabel is afgeschermd: een kleinere afscherming was terug te rekenen",
  regions: "regionamen zijn niet toegestaan",
};

export default function PublishPreviewPage() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.preview === null) {
    return (
      <section className="rd-section">
        <Heading level={1}>Publiceren: rapportage {loaded.year}</Heading>
        <Alert type="error">{loaded.refused}</Alert>
        <Paragraph>
          <TextLink to={`/rapportage/${loaded.year}`}>Terug naar de rapportage {loaded.year}</TextLink>
        </Paragraph>
      </section>
    );
  }
  return <Preview {...loaded} />;
}

function Preview({ year, choice, preview, regionNames: names, charts, map }: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { refused: null }>) {
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ id: "confirm-publication", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmSchema }) });
  const { document } = preview;
  return (
    <>
      <section className="rd-section rd-no-print" aria-labelledby="voorbeeld">
        <Paragraph>
          <TextLink to={`/rapportage/${year}`}>Terug naar de rapportage {year}</TextLink>
        </Paragraph>
        <Heading level={1} id="voorbeeld">
          Voorbeeld: versie {preview.nextVersion} van de rapportage {year}
        </Heading>
        <Paragraph>
          Hieronder staat precies wat lezers krijgen. Afscherming: {policyLabel(document.policy ?? choice.policy, document.threshold).toLowerCase()};
          regionamen {choice.showRegions ? "getoond" : "weggelaten"}. Er is nog niets gepubliceerd.
        </Paragraph>
        <DataTable
          caption={`Afgeschermde cellen (${preview.suppressed.length})`}
          rows={preview.suppressed}
          rowKey={(cell) => `${cell.part}-${cell.path}`}
          empty={<Paragraph>Er wordt niets afgeschermd.</Paragraph>}
          columns={[
            { header: "Cel", rowHeader: true, cell: (cell) => cell.name },
            { header: "Jaar", numeric: true, cell: (cell) => cell.year },
            { header: "Staat er als", cell: (cell) => cell.shown },
            { header: "Waarom", cell: (cell) => REASONS[cell.reason] },
          ]}
        />
        <AppForm form={form} submitLabel={`Versie ${preview.nextVersion} publiceren`}>
          <input type="hidden" name="policy" value={document.policy ?? choice.policy} />
          <input type="hidden" name="showRegions" value={choice.showRegions ? "ja" : "nee"} />
          <input type="hidden" name="fingerprint" value={preview.fingerprint} />
          <Paragraph>Na publiceren kunnen lezers deze versie lezen; een gepubliceerde versie verandert niet meer.</Paragraph>
        </AppForm>
      </section>
      <ReportView document={document} regionNames={names} charts={charts} linked={false} preview={{ version: preview.nextVersion }} map={map} />
    </>
  );
}
