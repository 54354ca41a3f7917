import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, SelectField, TextField, resultFor } from "~/components/form";
import { PrintButton } from "~/components/report/print-button";
import { PublishChoice } from "~/components/report/publish-choice";
import { chartsOf } from "~/components/report/report-chart.server";
import { ReportView } from "~/components/report/report-view";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { parseReportYear } from "~/domain/report";
import { colophonSchema } from "~/domain/report-document";
import { MAX_THRESHOLD, MIN_THRESHOLD, policyLabel } from "~/domain/report-policy";
import { can } from "~/domain/permissions";
import { regionNames } from "~/models/reference.server";
import { regionMapGeometry } from "~/models/region-map.server";
import { trajectoryRegions } from "~/models/report.server";
import { awaitingInYear } from "~/models/counted-signals.server";
import { fixedRule, liveReport, publication, publications } from "~/models/report-publication.server";
import { reportColophon, setReportColophon, setReportThreshold } from "~/models/report-settings.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";
import { formatDateTime } from "~/domain/dates-nl";

export const meta: MetaFunction = ({ params }) => [{ title: `Rapportage ${params.year ?? ""} · Rode Draad` }];

function yearOf(text: string | undefined): number {
  return parseReportYear(text) ?? notFound("Deze rapportage");
}

/** Readers never see the working figures: they are sent to the latest published version, if any. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "report.readPublished");
  const year = yearOf(params.year);
  if (!can(user.roles, "report.readWorking")) {
    const latest = publication(year);
    if (!latest?.publication) notFound(`De rapportage over ${year}`);
    throw redirect(`/rapportage/${year}/versie/${latest.publication.version}`);
  }
  const document = liveReport(year);
  const names = regionNames();
  const map = { geometry: regionMapGeometry(), withTrajectory: trajectoryRegions(year) };
  return { year, document, regionNames: names, charts: await chartsOf(document, names), published: publications(year), fixed: fixedRule(year), colophon: reportColophon(), map, awaiting: awaitingInYear(year) };
}

const thresholdOptions = Array.from({ length: MAX_THRESHOLD - MIN_THRESHOLD + 1 }, (_, i) => String(MIN_THRESHOLD + i)) as [string, ...string[]];

const thresholdSchema = z.object({
  threshold: z.enum(thresholdOptions, { errorMap: () => ({ message: `Kies een drempel van ${MIN_THRESHOLD} tot en met ${MAX_THRESHOLD}.` }) }),
});
const actionSchema = z.discriminatedUnion("intent", [
  thresholdSchema.extend({ intent: z.literal("threshold") }),
  colophonSchema.extend({ intent: z.literal("colophon") }),
]);

/** The report's settings; publishing itself goes through the preview (rapportage.$year_.publiceren). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "report.publish");
  const year = yearOf(params.year);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  try {
    if (value.intent === "colophon") {
      setReportColophon({ organisation: value.organisation, author: value.author }, actorOf(user, context));
      return redirectWithFlash(`/rapportage/${year}`, "De gegevens voor het colofon zijn opgeslagen.");
    }
    setReportThreshold(Number(value.threshold), actorOf(user, context));
    return redirectWithFlash(`/rapportage/${year}`, `De drempel is nu ${value.threshold}.`);
  } catch (error) {
    return refuse(error);
  }
}

export default function ReportPage() {
  const { year, document, regionNames: names, charts, published, fixed, colophon, map, awaiting } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [colophonForm, colophonFields] = useForm({
    id: "colophon",
    lastResult: resultFor(answer, "colophon"),
    defaultValue: colophon,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: colophonSchema }),
  });
  const [thresholdForm, thresholdFields] = useForm({
    id: "threshold",
    lastResult: resultFor(answer, "threshold"),
    defaultValue: { threshold: String(document.threshold) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: thresholdSchema }),
  });
  return (
    <>
      <nav className="rd-toolbar rd-no-print" aria-label="Rapportage">
        <TextLink to="/rapportage">Alle jaren</TextLink>
        <TextLink to={`/regios?jaar=${year}`}>Regio-overzicht {year}</TextLink>
        <ButtonLink to={`/rapportage/${year}/tekst`}>Tekst schrijven</ButtonLink>
        <ButtonLink to={`/rapportage/${year}/tabellen.csv`} reloadDocument>
          Tabellen als CSV
        </ButtonLink>
        <ButtonLink to={`/rapportage/${year}/tabellen.xlsx`} reloadDocument>
          Tabellen als Excel
        </ButtonLink>
        <ButtonLink to={`/reports/${year}.json`} reloadDocument>
          JSON
        </ButtonLink>
        <PrintButton />
      </nav>
      {awaiting > 0 ? (
        <p className="utrecht-paragraph rd-no-print" data-testid="report-awaiting">
          {awaiting === 1 ? "1 signaal" : `${awaiting} signalen`} uit {year} {awaiting === 1 ? "wacht" : "wachten"} nog op classificatie en{" "}
          {awaiting === 1 ? "telt" : "tellen"} in geen enkel cijfer mee.{" "}
          <TextLink to={`/signalen?year=${year}&unclassified=yes`}>Naar de signalen om te classificeren</TextLink>
        </p>
      ) : null}
      <ReportView document={document} regionNames={names} charts={charts} linked map={map} />
      <section className="rd-section rd-no-print" aria-labelledby="publiceren">
        <Heading level={2} id="publiceren">
          Publiceren
        </Heading>
        <Paragraph>
          Publiceren legt cijfers, grafieken en tekst van {year} vast als een genummerde versie. Lezers zien alleen
          gepubliceerde versies, met kleine aantallen afgeschermd volgens het beleid dat u hier kiest. Eerst ziet u een
          voorbeeld van precies wat lezers krijgen, met de lijst van afgeschermde cellen; daarna bevestigt u.
        </Paragraph>
        <PublishChoice year={year} threshold={document.threshold} fixed={fixed} nextVersion={published.length + 1} />
        <AppForm form={colophonForm} submitLabel="Colofon opslaan">
          <input type="hidden" name="intent" value="colophon" />
          <TextField field={colophonFields.organisation} label="Organisatie (voorblad en colofon)" />
          <TextField field={colophonFields.author} label="Auteur (colofon)" />
        </AppForm>
        <AppForm form={thresholdForm} submitLabel="Drempel opslaan">
          <input type="hidden" name="intent" value="threshold" />
          <SelectField
            field={thresholdFields.threshold}
            label="Drempel voor kleine aantallen (k)"
            description="Geldt voor volgende publicaties van jaren die nog niet gepubliceerd zijn; eerdere versies en hun jaar houden hun drempel."
            options={thresholdOptions.map((value) => ({ value, label: value }))}
          />
        </AppForm>
        <DataTable
          caption={`Gepubliceerde versies over ${year}`}
          rows={published}
          rowKey={(p) => p.version}
          empty={<Paragraph>Nog geen versie gepubliceerd.</Paragraph>}
          columns={[
            { header: "Versie", rowHeader: true, cell: (p) => <TextLink to={`/rapportage/${year}/versie/${p.version}`}>Versie {p.version}</TextLink> },
            { header: "Gepubliceerd op", cell: (p) => formatDateTime(p.publishedAt) },
            { header: "Afscherming", cell: (p) => policyLabel(p.policy, p.threshold) },
            { header: "Regionamen", cell: (p) => (p.showRegions ? "Getoond" : "Weggelaten") },
          ]}
        />
      </section>
    </>
  );
}
