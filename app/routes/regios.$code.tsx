import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AttachmentList } from "~/components/attachments";
import { AppForm, resultFor, SelectField, TextAreaField, TextField } from "~/components/form";
import { DataTable } from "~/components/ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { can } from "~/domain/permissions";
import { optionsOf } from "~/domain/signal-codes";
import { MILESTONE_KINDS, MILESTONE_LABELS, TRAJECTORY_STATUS_LABELS } from "~/domain/trajectory-codes";
import { milestoneSchema } from "~/domain/trajectory-form";
import { uploadSchema } from "~/domain/upload-form";
import { recordNumber } from "~/domain/url-params";
import { addAttachment, attachmentsOf } from "~/models/attachment.server";
import { listLessons, milestonesOfRegion, regionOfMilestone, saveMilestone } from "~/models/procurement.server";
import { mayOpenRegion, regionOverview } from "~/models/region-overview.server";
import type { Viewer } from "~/models/trajectory.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";
import { formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Regio · Rode Draad" }];

function overviewOr404(code: string | undefined, viewer: Viewer) {
  const overview = code ? regionOverview(code, viewer) : undefined;
  if (!overview) notFound("Deze regio");
  return overview;
}

/** The intermediary sees and edits every region; an adviser reads the regions of their own trajectories (permissions.ts). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "region.readOwn");
  // Rights first, so an adviser cannot probe which regions have trajectories.
  if (!mayOpenRegion(params.code ?? "", user)) forbidden();
  const overview = overviewOr404(params.code, user);
  const canEdit = can(user.roles, "region.editMilestones");
  const editParam = new URL(request.url).searchParams.get("bewerk");
  const actor = actorOf(user, context);
  const milestones = milestonesOfRegion(overview.region.code, user).map((m) => ({ ...m, files: attachmentsOf({ kind: "milestone", id: m.id }, actor) }));
  const editing = editParam === null || !canEdit ? null : (milestones.find((m) => m.id === recordNumber(editParam)) ?? notFound("Dit document"));
  return { ...overview, milestones, editing, canEdit, lessons: listLessons(overview.region.code) };
}

const ATTACH = uploadSchema("Kies een bestand om bij dit document te bewaren.").extend({ milestoneId: z.coerce.number().int().positive() });
const actionSchema = z.discriminatedUnion("intent", [milestoneSchema.extend({ intent: z.literal("milestone") }), ATTACH]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "region.editMilestones");
  const { region } = overviewOr404(params.code, user);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  const actor = actorOf(user, context);
  try {
    if (value.intent === "upload") {
      // A file goes with a document of this region only, whatever number the form sends.
      if (regionOfMilestone(value.milestoneId) !== region.code) notFound("Dit document");
      addAttachment({ kind: "milestone", id: value.milestoneId }, { name: value.file.name, bytes: new Uint8Array(await value.file.arrayBuffer()) }, actor);
      return redirectWithFlash(`/regios/${region.code}?bewerk=${value.milestoneId}`, "Het bestand is bij het document bewaard.");
    }
    const { affectedTrajectories } = saveMilestone({ ...value, regionCode: region.code }, actor);
    return redirectWithFlash(
      `/regios/${region.code}`,
      affectedTrajectories > 0
        ? `Opgeslagen. ${affectedTrajectories} lopende ${affectedTrajectories === 1 ? "traject staat" : "trajecten staan"} nu op "herbeoordeling nodig".`
        : "Opgeslagen.",
    );
  } catch (error) {
    return refuse(error);
  }
}

export default function RegionOverviewPage() {
  const { region, signalsPerYear, trajectories, milestones, editing, canEdit, lessons } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: editing ? `milestone-${editing.id}` : "milestone",
    lastResult: resultFor(answer, "milestone"),
    defaultValue: editing
      ? { id: String(editing.id), kind: editing.kind, dueOn: editing.dueOn, title: editing.title, reference: editing.reference ?? "", note: editing.note ?? "" }
      : { kind: "tender_published" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: milestoneSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/trajecten">Naar de trajecten</TextLink> · <TextLink to="/regios">Regio-overzicht met kaart</TextLink>
        </Paragraph>
        <Heading level={1}>
          Regio {region.name} ({region.code})
        </Heading>
      </section>
      {signalsPerYear ? (
        <section className="rd-section" aria-labelledby="signals-heading">
          <Heading level={2} id="signals-heading">
            Signalen per jaar
          </Heading>
          <DataTable
            caption="Aantal signalen uit deze regio"
            rows={signalsPerYear}
            rowKey={(r) => r.year}
            empty={<Paragraph>Nog geen signalen uit deze regio.</Paragraph>}
            columns={[
              { header: "Jaar", rowHeader: true, cell: (r) => <TextLink to={`/signalen?region=${region.code}&year=${r.year}`}>{r.year}</TextLink> },
              { header: "Signalen", numeric: true, cell: (r) => r.count },
            ]}
          />
        </section>
      ) : null}
      <section className="rd-section" aria-labelledby="trajectories-heading">
        <Heading level={2} id="trajectories-heading">
          Trajecten
        </Heading>
        <DataTable
          caption="Trajecten in deze regio"
          rows={trajectories}
          rowKey={(t) => t.id}
          empty={<Paragraph>Nog geen trajecten in deze regio.</Paragraph>}
          columns={[
            { header: "Doel", rowHeader: true, cell: (t) => <TextLink to={`/trajecten/${t.id}`}>{t.strategicGoal}</TextLink> },
            { header: "Periode", cell: (t) => `${formatShortDate(t.startedOn)} – ${t.closedOn ? formatShortDate(t.closedOn) : "nu"}` },
            { header: "Status", cell: (t) => `${TRAJECTORY_STATUS_LABELS[t.status]}${t.needsReanalysis ? " · herbeoordeling nodig" : ""}` },
          ]}
        />
      </section>
      <section className="rd-section" aria-labelledby="milestones-heading">
        <Heading level={2} id="milestones-heading">
          Mijlpalen en aanbestedingsstukken
        </Heading>
        <DataTable
          caption="Mijlpalen en documenten van de inkoop"
          rows={milestones}
          rowKey={(m) => m.id}
          empty={<Paragraph>{canEdit ? "Nog niets vastgelegd. Voeg hieronder de eerste mijlpaal of het eerste document toe." : "Nog niets vastgelegd."}</Paragraph>}
          columns={[
            { header: "Datum", nowrap: true, cell: (m) => formatShortDate(m.dueOn) },
            { header: "Soort", cell: (m) => MILESTONE_LABELS[m.kind] },
            { header: "Titel", rowHeader: true, cell: (m) => m.title },
            { header: "Kenmerk of link", cell: (m) => m.reference ?? "" },
            {
              header: "Bestanden",
              cell: (m) => (
                <MilestoneFiles regionCode={region.code} milestone={m} />
              ),
            },
            ...(canEdit
              ? [{ header: "Bewerken", cell: (m: { id: number; title: string }) => <TextLink to={`?bewerk=${m.id}`} aria-label={`${m.title} bewerken`}>Bewerken</TextLink> }]
              : []),
          ]}
        />
        {canEdit ? (
          <>
            <Heading level={3}>{editing ? `Bewerken: ${editing.title}` : "Nieuwe mijlpaal of nieuw document"}</Heading>
            <Paragraph>Opslaan zet alle lopende trajecten in deze regio op &lsquo;herbeoordeling nodig&rsquo;.</Paragraph>
            <AppForm form={form} submitLabel={editing ? "Wijziging opslaan" : "Toevoegen"}>
              <input type="hidden" name="intent" value="milestone" />
              {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
              <SelectField field={fields.kind} label="Soort" options={optionsOf(MILESTONE_KINDS, MILESTONE_LABELS)} />
              <TextField field={fields.dueOn} label="Datum" type="date" />
              <TextField field={fields.title} label="Titel" />
              <TextField field={fields.reference} label="Kenmerk of link (niet verplicht)" />
              <TextAreaField field={fields.note} label="Notitie (niet verplicht)" rows={2} />
            </AppForm>
            {editing ? (
              <>
                <Heading level={4}>Bestanden bij dit document</Heading>
                <AttachmentList
                  files={editing.files}
                  hrefOf={(fileId) => fileHref(region.code, editing.id, fileId)}
                  upload={{ id: `milestone-${editing.id}-file`, schema: ATTACH, hidden: { milestoneId: String(editing.id) } }}
                  lastResult={resultFor(answer, "upload")}
                />
              </>
            ) : null}
          </>
        ) : null}
      </section>
      <section className="rd-section" aria-labelledby="lessons-heading">
        <Heading level={2} id="lessons-heading">
          Lessen uit deze regio
        </Heading>
        {lessons.length === 0 ? <Paragraph>Nog geen lessen.</Paragraph> : null}
        <UnorderedList>
          {lessons.map((l) => (
            <ListItem key={l.id}>
              {formatShortDate(l.at)} · {l.text}
            </ListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}

function fileHref(regionCode: string, milestoneId: number, fileId: number): string {
  return `/regios/${regionCode}/documenten/${milestoneId}/${fileId}`;
}

/** The files of one procurement document, as download links (audited on the server). */
function MilestoneFiles({ regionCode, milestone }: { regionCode: string; milestone: { id: number; title: string; files: { id: number; name: string }[] } }) {
  if (milestone.files.length === 0) return null;
  return (
    <UnorderedList>
      {milestone.files.map((file) => (
        <ListItem key={file.id}>
          <a className="utrecht-link" href={fileHref(regionCode, milestone.id, file.id)} download>
            {file.name}
          </a>
        </ListItem>
      ))}
    </UnorderedList>
  );
}
