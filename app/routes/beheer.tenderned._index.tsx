import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, AppForm, TextAreaField, resultFor } from "~/components/form";
import { RefusalAlert, UploadForm } from "~/components/upload-form";
import { RunTable } from "~/components/tenderned-runs";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { DomainError } from "~/domain/errors";
import { cpvSettingProblem, parseSettingList } from "~/domain/tenderned-match";
import { uploadSchema } from "~/domain/upload-form";
import { waitingAuthorities } from "~/models/tenderned-list.server";
import { importExportFile, lastCompleteDay, monitorBusy, recentRuns, runMonitor } from "~/models/tenderned-run.server";
import { aliases, removeAlias, saveYouthCareSettings, youthCareSettings } from "~/models/tenderned-store.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { log, describeError } from "~/utils/log.server";
import { actorOf } from "~/utils/request.server";
import { configuredTenderNed } from "~/utils/tenderned.server";

export const meta: MetaFunction = () => [{ title: "TenderNed-monitor · Rode Draad" }];

const PATH = "/beheer/tenderned";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "tenderned.manage");
  const settings = youthCareSettings();
  return {
    enabled: configuredTenderNed() !== null,
    busy: monitorBusy(),
    runs: recentRuns(10),
    lastCompleteDay: lastCompleteDay(),
    waiting: waitingAuthorities().length,
    aliases: aliases(),
    settings: { cpvCodes: settings.cpvCodes.join("\n"), words: settings.words.join("\n") },
  };
}

const settingsSchema = z.object({
  intent: z.literal("settings"),
  cpvCodes: z
    .string({ required_error: "Vul minstens één CPV-code in." })
    .max(5000)
    .transform(parseSettingList)
    .superRefine((codes, ctx) => {
      const problem = cpvSettingProblem(codes);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  words: z
    .string({ required_error: "Vul minstens één woord in." })
    .max(5000)
    .transform(parseSettingList)
    .refine((words) => words.length > 0, "Vul minstens één woord in."),
});

const UPLOAD = uploadSchema("Kies een exportbestand (JSON).");
const schema = z.discriminatedUnion("intent", [
  settingsSchema,
  z.object({ intent: z.literal("fetch") }),
  z.object({ intent: z.literal("removeAlias"), nameKey: z.string().min(1).max(500) }),
  UPLOAD,
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "tenderned.manage");
  const actor = actorOf(admin, context);
  const { submission, refuse } = await readIntentForm(request, schema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  try {
    if (value.intent === "settings") {
      saveYouthCareSettings(value, actor);
      return redirectWithFlash(PATH, "De instellingen zijn opgeslagen. Ze gelden voor publicaties die vanaf nu worden gelezen.");
    }
    if (value.intent === "removeAlias") {
      removeAlias(value.nameKey, actor);
      return redirectWithFlash(PATH, "De vaste regio is verwijderd. Nieuwe publicaties van deze dienst komen weer bij 'nog toe te wijzen'.");
    }
    if (value.intent === "upload") {
      const summary = importExportFile(await value.file.text(), actor);
      return redirectWithFlash(PATH, `Exportbestand ingelezen: ${summary.message}`);
    }
    const client = configuredTenderNed();
    if (!client) throw new DomainError("TENDERNED.OFF", "De monitor staat uit: TENDERNED_URL is niet ingesteld.");
    if (monitorBusy()) throw new DomainError("TENDERNED.BUSY", "TenderNed wordt al opgehaald. Ververs de pagina over een paar minuten.");
    // A run of 30 days takes minutes against the real TenderNed: it continues after this answer, the page shows its state.
    void runMonitor({ client, trigger: "manual", actor }).catch((error: unknown) => log.error("TenderNed ophalen mislukt", { error: describeError(error) }));
    return redirectWithFlash(PATH, "Ophalen is gestart. Ververs deze pagina om de uitkomst te zien.");
  } catch (error) {
    return refuse(error);
  }
}

export default function TenderNedPage() {
  const { enabled, busy, runs, lastCompleteDay, waiting, aliases, settings } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "tenderned-settings",
    lastResult: resultFor(answer, "settings"),
    defaultValue: settings,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <section className="rd-section">
        <Heading level={1}>TenderNed-monitor</Heading>
        <Paragraph>
          De monitor leest elke dag de publicaties van TenderNed (open data), herkent die over jeugdhulp en zet ze als mijlpaal bij de regio van de
          aanbestedende dienst. Lopende trajecten in die regio komen dan op &lsquo;herbeoordeling nodig&rsquo;.
        </Paragraph>
        <RefusalAlert result={resultFor(answer, "fetch") ?? resultFor(answer, "removeAlias")} />
        {enabled ? (
          <Alert type="info">
            <p className="utrecht-paragraph">
              De monitor staat aan{busy ? " en haalt nu op" : ""}. Volledig gelezen tot en met{" "}
              {lastCompleteDay ? formatShortDate(lastCompleteDay) : "nog geen dag"}.
            </p>
          </Alert>
        ) : (
          <Alert type="warning">
            <p className="utrecht-paragraph">
              De monitor staat uit: <code>TENDERNED_URL</code> is niet ingesteld. Rode Draad maakt dan geen enkele verbinding naar buiten. Een
              exportbestand van TenderNed kunt u hieronder wel inlezen.
            </p>
          </Alert>
        )}
        {enabled ? <ActionButton intent="fetch" label="Nu ophalen" /> : null}
        <Paragraph>
          {waiting > 0 ? (
            <TextLink to={`${PATH}/toewijzen`}>{`${waiting} aanbestedende ${waiting === 1 ? "dienst" : "diensten"} nog toe te wijzen`}</TextLink>
          ) : (
            "Alle publicaties over jeugdhulp zijn aan een regio gekoppeld."
          )}{" "}
          · <TextLink to="/aanbestedingen">Naar de aanbestedingen</TextLink>
        </Paragraph>
        <RunTable runs={runs} />
      </section>
      <section className="rd-section" aria-labelledby="settings-heading">
        <Heading level={2} id="settings-heading">
          Herkennen van jeugdhulp
        </Heading>
        <Paragraph>
          Een publicatie gaat over jeugdhulp als een van haar CPV-codes onder een code hieronder valt (85310000 omvat alle codes 8531xxxx), of als een
          van de woorden voorkomt in de naam of de beschrijving.
        </Paragraph>
        <AppForm form={form} submitLabel="Instellingen opslaan">
          <input type="hidden" name="intent" value="settings" />
          <TextAreaField field={fields.cpvCodes} label="CPV-codes (één per regel)" rows={5} />
          <TextAreaField field={fields.words} label="Woorden (één per regel)" rows={5} />
        </AppForm>
      </section>
      <section className="rd-section" aria-labelledby="upload-heading">
        <Heading level={2} id="upload-heading">
          Exportbestand inlezen
        </Heading>
        <Paragraph>Een export van TenderNed in het formaat van de publicatielijst (JSON). Wat al bekend is, verandert niet.</Paragraph>
        <UploadForm
          id="tenderned-file"
          schema={UPLOAD}
          submitLabel="Inlezen"
          lastResult={resultFor(answer, "upload")}
          kind="tenderned"
        />
      </section>
      <section className="rd-section" aria-labelledby="aliases-heading">
        <Heading level={2} id="aliases-heading">
          Aanbestedende diensten met een vaste regio
        </Heading>
        <DataTable
          caption="Aliassen"
          rows={aliases}
          rowKey={(a) => a.nameKey}
          empty={<Paragraph>Nog geen. Ze ontstaan bij het toewijzen van een onbekende aanbestedende dienst.</Paragraph>}
          columns={[
            { header: "Aanbestedende dienst", rowHeader: true, cell: (a) => a.name },
            { header: "Regio", cell: (a) => <TextLink to={`/regios/${a.regionCode}`}>{a.regionName}</TextLink> },
            {
              header: "Wijzigen",
              cell: (a) => (
                <ActionButton intent="removeAlias" label="Verwijderen" ariaLabel={`Vaste regio verwijderen: ${a.name}`} confirmText={`De vaste regio van ${a.name} verwijderen?`}>
                  <input type="hidden" name="nameKey" value={a.nameKey} />
                </ActionButton>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
