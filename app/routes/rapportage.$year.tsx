import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, CheckboxGroup, SelectField } from "~/components/form";
import { PrintButton } from "~/components/report/print-button";
import { chartsOf } from "~/components/report/report-chart.server";
import { ReportView } from "~/components/report/report-view";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { parseReportYear } from "~/domain/report";
import { MAX_THRESHOLD, MIN_THRESHOLD } from "~/domain/report-suppression";
import { regionNames } from "~/models/reference.server";
import { liveReport, publication, publications, publishReport, setReportThreshold } from "~/models/report-publication.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { notFound, requireUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";
import { formatDateTime } from "~/domain/dates-nl";

export const meta: MetaFunction = ({ params }) => [{ title: `Rapportage ${params.year ?? ""} · Rode Draad` }];

function yearOf(text: string | undefined): number {
  return parseReportYear(text) ?? notFound("Deze rapportage");
}

/** Readers never see the working figures: they are sent to the latest published version, if any. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["intermediary", "reader"]);
  const year = yearOf(params.year);
  if (!user.roles.includes("intermediary")) {
    const latest = publication(year);
    if (!latest?.publication) notFound(`De rapportage over ${year}`);
    throw redirect(`/rapportage/${year}/versie/${latest.publication.version}`);
  }
  const document = liveReport(year);
  const names = regionNames();
  return { year, document, regionNames: names, charts: await chartsOf(document, names), published: publications(year) };
}

const thresholdOptions = Array.from({ length: MAX_THRESHOLD - MIN_THRESHOLD + 1 }, (_, i) => String(MIN_THRESHOLD + i)) as [string, ...string[]];

const publishSchema = z.object({ showRegions: z.array(z.literal("yes")).optional() });
const thresholdSchema = z.object({
  threshold: z.enum(thresholdOptions, { errorMap: () => ({ message: `Kies een drempel van ${MIN_THRESHOLD} tot en met ${MAX_THRESHOLD}.` }) }),
});
const actionSchema = z.discriminatedUnion("intent", [
  publishSchema.extend({ intent: z.literal("publish") }),
  thresholdSchema.extend({ intent: z.literal("threshold") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, ["intermediary"]);
  const year = yearOf(params.year);
  const actor = actorOf(user, context);
  const { formData, submission } = await readForm(request, actionSchema);
  const intent = String(formData.get("intent"));
  if (submission.status !== "success") return data({ intent, result: replyWithError(submission) }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "threshold") {
      setReportThreshold(Number(value.threshold), actor);
      return redirectWithFlash(`/rapportage/${year}`, `De drempel is nu ${value.threshold}.`);
    }
    const version = publishReport(year, { showRegions: Boolean(value.showRegions?.length) }, actor);
    return redirectWithFlash(`/rapportage/${year}/versie/${version}`, `Versie ${version} van de rapportage over ${year} is gepubliceerd.`);
  } catch (error) {
    return data({ intent, result: replyWithError(submission, error) }, { status: 400 });
  }
}

export default function ReportPage() {
  const { year, document, regionNames: names, charts, published } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [publishForm, publishFields] = useForm({
    id: "publish",
    lastResult: answer?.intent === "publish" ? answer.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }),
  });
  const [thresholdForm, thresholdFields] = useForm({
    id: "threshold",
    lastResult: answer?.intent === "threshold" ? answer.result : undefined,
    defaultValue: { threshold: String(document.threshold) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: thresholdSchema }),
  });
  return (
    <>
      <nav className="rd-toolbar rd-no-print" aria-label="Rapportage">
        <TextLink to="/rapportage">Alle jaren</TextLink>
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
      <ReportView document={document} regionNames={names} charts={charts} linked />
      <section className="rd-section rd-no-print" aria-labelledby="publiceren">
        <Heading level={2} id="publiceren">
          Publiceren
        </Heading>
        <Paragraph>
          Publiceren legt cijfers, grafieken en tekst van {year} vast als een genummerde versie. Lezers zien alleen
          gepubliceerde versies. Daarin staat elk aantal kleiner dan {document.threshold} als “&lt; {document.threshold}”
          (behalve de totalen), en regionamen alleen als u dat hieronder toestaat.
        </Paragraph>
        <AppForm form={publishForm} submitLabel={`Versie ${published.length + 1} publiceren`}>
          <input type="hidden" name="intent" value="publish" />
          <CheckboxGroup
            field={publishFields.showRegions}
            legend="Regionamen"
            description="Alleen aanvinken als de regio's daarmee hebben ingestemd."
            options={[{ value: "yes", label: "Regionamen tonen in deze publicatie" }]}
          />
        </AppForm>
        <AppForm form={thresholdForm} submitLabel="Drempel opslaan">
          <input type="hidden" name="intent" value="threshold" />
          <SelectField
            field={thresholdFields.threshold}
            label="Drempel voor kleine aantallen (k)"
            description="Geldt voor volgende publicaties; eerdere versies houden hun drempel."
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
            { header: "Drempel", numeric: true, cell: (p) => p.threshold },
            { header: "Regionamen", cell: (p) => (p.showRegions ? "Getoond" : "Weggelaten") },
          ]}
        />
      </section>
    </>
  );
}
