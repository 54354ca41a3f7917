import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, resultFor } from "~/components/form";
import { RefusalAlert, UploadForm } from "~/components/upload-form";
import { ImportIssues } from "~/components/import-issues";
import { ImportRows } from "~/components/import-rows";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatShortDate } from "~/domain/dates-nl";
import { DomainError } from "~/domain/errors";
import { uploadSchema } from "~/domain/upload-form";
import { previewPage } from "~/domain/preview-page";
import { TRAJECTORY_STATUS_LABELS } from "~/domain/trajectory-codes";
import { TRAJECTORY_COLUMN_LABELS, TRAJECTORY_CSV_COLUMNS } from "~/domain/trajectory-csv";
import { discardUpload, stagedUpload, stageUpload } from "~/models/staged-upload.server";
import { importTrajectories, previewTrajectoryCheck } from "~/models/trajectory-import.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readUpload } from "~/utils/upload-sheet.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Trajecten importeren · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trajectory.manage");
  const params = new URL(request.url).searchParams;
  const uploadId = params.get("upload");
  if (!uploadId) return { preview: null };
  const upload = /^\d+$/.test(uploadId) ? stagedUpload("trajectories", Number(uploadId), user.id) : undefined;
  if (!upload) notFound("Deze upload");
  const check = await previewTrajectoryCheck(upload.id, upload.bytes);
  if (!check.ok) return { preview: { kind: "invalid" as const, id: upload.id, fileName: upload.fileName, issues: previewPage(check.issues, params.get("page")) } };
  const page = previewPage(check.records, params.get("page"));
  return {
    preview: {
      kind: "valid" as const,
      id: upload.id,
      fileName: upload.fileName,
      count: check.records.length,
      regions: new Set(check.records.map((r) => r.regionCode)).size,
      // Only the page shown travels to the browser, never the whole file.
      rows: {
        ...page,
        rows: page.rows.map((r, i) => ({ n: page.first + i, ref: r.ref, regionCode: r.regionCode, startedOn: r.startedOn, closedOn: r.closedOn, status: r.status, strategicGoal: r.strategicGoal })),
      },
    },
  };
}

const UPLOAD = uploadSchema("Kies een CSV- of Excel-bestand.");

const schema = z.discriminatedUnion("intent", [
  UPLOAD,
  z.object({ intent: z.literal("import"), uploadId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("discard"), uploadId: z.coerce.number().int().positive() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "trajectory.manage");
  const { submission, refuse } = await readIntentForm(request, schema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  const actor = actorOf(user, context);
  try {
    if (value.intent === "upload") {
      return redirect(`/trajecten/import?upload=${stageUpload("trajectories", value.file.name || "trajecten.csv", new Uint8Array(await value.file.arrayBuffer()), { ...actor, userId: user.id })}`);
    }
    const upload = stagedUpload("trajectories", value.uploadId, user.id);
    if (!upload) notFound("Deze upload");
    if (value.intent === "discard") {
      discardUpload(upload.id);
      return redirectWithFlash("/trajecten/import", "De upload is verwijderd; er is niets geïmporteerd.");
    }
    const result = importTrajectories(await readUpload(upload.bytes), upload.fileName, actor);
    discardUpload(upload.id);
    return redirectWithFlash("/trajecten", `${result.count} trajecten geïmporteerd.`);
  } catch (error) {
    if (error instanceof DomainError) return refuse(error);
    throw error;
  }
}

const pageHref = (uploadId: number) => (page: number) => `/trajecten/import?upload=${uploadId}&page=${page}`;

export default function TrajectoryImportPage() {
  const { preview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/trajecten">Terug naar trajecten</TextLink>
      </Paragraph>
      <Heading level={1}>Trajecten importeren</Heading>
      <RefusalAlert result={answer?.intent === "upload" ? undefined : answer?.result} />
      {!preview ? (
        <>
          <Paragraph>
            Voor trajecten die al lopen of liepen: een Excel-bestand (.xlsx) of CSV-bestand met de kolommen{" "}
            {TRAJECTORY_CSV_COLUMNS.map((column) => TRAJECTORY_COLUMN_LABELS[column][0]).join(", ")} (of de codes{" "}
            <code>{TRAJECTORY_CSV_COLUMNS.join(",")}</code>). Datums 15-03-2025 of 2025-03-15, komma&apos;s of puntkomma&apos;s. Eerst
            een controle, daarna alles of niets.
          </Paragraph>
          <UploadForm id="trajectories-file" schema={UPLOAD} submitLabel="Bestand controleren" lastResult={resultFor(answer, "upload")} kind="spreadsheet" />
        </>
      ) : preview.kind === "invalid" ? (
        <ImportIssues fileName={preview.fileName} issues={preview.issues} uploadId={preview.id} hrefFor={pageHref(preview.id)} />
      ) : (
        <>
          <Alert type="info" title={`${preview.fileName} is in orde`}>
            <p className="utrecht-paragraph">
              {preview.count.toLocaleString("nl-NL")} trajecten in {preview.regions} regio&apos;s.
            </p>
          </Alert>
          <div className="rd-toolbar">
            <ActionButton intent="import" label={`${preview.count} trajecten importeren`}>
              <input type="hidden" name="uploadId" value={preview.id} />
            </ActionButton>
            <ActionButton intent="discard" label="Annuleren">
              <input type="hidden" name="uploadId" value={preview.id} />
            </ActionButton>
          </div>
          <ImportRows
            rows={preview.rows}
            hrefFor={pageHref(preview.id)}
            columns={[
              { header: "Kenmerk", cell: (r) => r.ref },
              { header: "Regio", cell: (r) => r.regionCode },
              { header: "Gestart", nowrap: true, cell: (r) => formatShortDate(r.startedOn) },
              { header: "Afgesloten", nowrap: true, cell: (r) => (r.closedOn ? formatShortDate(r.closedOn) : "") },
              { header: "Status", cell: (r) => TRAJECTORY_STATUS_LABELS[r.status] },
              { header: "Strategisch doel", cell: (r) => r.strategicGoal },
            ]}
          />
        </>
      )}
    </section>
  );
}
