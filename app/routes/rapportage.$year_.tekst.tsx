import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppForm, TextAreaField } from "~/components/form";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { parseReportYear } from "~/domain/report";
import { NARRATIVE_LABELS, NARRATIVE_PARTS, narrativeSchema } from "~/domain/report-narrative";
import { latestNarrative, narrativeVersion, narrativeVersions, saveNarrative } from "~/models/report-narrative.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, versionAsked } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";
import { formatDateTime } from "~/domain/dates-nl";

export const meta: MetaFunction = ({ params }) => [{ title: `Tekst rapportage ${params.year ?? ""} · Rode Draad` }];

function yearOf(text: string | undefined): number {
  return parseReportYear(text) ?? notFound("Deze rapportage");
}

/** `?versie=N` opens an earlier version in the editor; saving it makes it the newest version again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "report.publish");
  const year = yearOf(params.year);
  const asked = versionAsked(request, "Deze versie van de tekst");
  const latest = latestNarrative(year);
  const version = asked ?? latest?.version;
  const text = version === undefined ? null : narrativeVersion(year, version);
  if (asked !== undefined && !text) notFound("Deze versie van de tekst");
  return { year, version: version ?? null, latestVersion: latest?.version ?? null, text, versions: narrativeVersions(year) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "report.publish");
  const year = yearOf(params.year);
  const { submission } = await readForm(request, narrativeSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  const version = saveNarrative(year, submission.value, actorOf(user, context));
  return redirectWithFlash(`/rapportage/${year}/tekst`, `De tekst is opgeslagen als versie ${version}.`);
}

export default function NarrativePage() {
  const { year, version, latestVersion, text, versions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `narrative-${version ?? "new"}`,
    lastResult,
    defaultValue: text ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: narrativeSchema }),
    shouldValidate: "onSubmit",
  });
  const description = "Lege regel: nieuwe alinea. Regels met “- ” worden een opsomming, met “1. ” een genummerde lijst, **zo** wordt tekst vet.";
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to={`/rapportage/${year}`}>Terug naar de rapportage {year}</TextLink>
        </Paragraph>
        <Heading level={1}>Tekst van de rapportage {year}</Heading>
        <Paragraph>
          {version === null
            ? "Nog geen tekst. Elke keer opslaan bewaart een nieuwe versie; eerdere versies blijven te openen."
            : version === latestVersion
              ? `U bewerkt versie ${version}, de nieuwste.`
              : `U bekijkt versie ${version}. Opslaan maakt hiervan de nieuwste versie (${(latestVersion ?? 0) + 1}).`}
        </Paragraph>
        <AppForm form={form} submitLabel="Tekst opslaan">
          {NARRATIVE_PARTS.map((key) => (
            <TextAreaField key={key} field={fields[key]} label={NARRATIVE_LABELS[key]} description={description} rows={key === "threads" || key === "conclusions" ? 12 : 8} />
          ))}
        </AppForm>
      </section>
      <section className="rd-section" aria-labelledby="versies">
        <Heading level={2} id="versies">
          Versies
        </Heading>
        <DataTable
          caption={`Versies van de tekst over ${year}, nieuwste eerst`}
          rows={versions}
          rowKey={(v) => v.version}
          empty={<Paragraph>Nog geen versies.</Paragraph>}
          columns={[
            {
              header: "Versie",
              rowHeader: true,
              cell: (v) => (v.version === version ? `Versie ${v.version} (geopend)` : <TextLink to={`?versie=${v.version}`}>Versie {v.version} openen</TextLink>),
            },
            { header: "Opgeslagen", cell: (v) => formatDateTime(v.createdAt) },
            { header: "Door", cell: (v) => v.author ?? "–" },
          ]}
        />
      </section>
    </>
  );
}
