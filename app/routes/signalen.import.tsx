import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, CsrfField, resultFor } from "~/components/form";
import { RefusalAlert, UploadForm } from "~/components/upload-form";
import { ImportIssues } from "~/components/import-issues";
import { ImportRows } from "~/components/import-rows";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatDate, formatDateTime, formatShortDate } from "~/domain/dates-nl";
import { DomainError } from "~/domain/errors";
import { uploadSchema } from "~/domain/upload-form";
import { previewPage } from "~/domain/preview-page";
import { PHASE_LABELS, STATUS_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { SIGNAL_COLUMN_LABELS, SIGNAL_CSV_COLUMNS } from "~/domain/signal-csv";
import { editedSinceImport, importSignals, listImportBatches, previewCheck, undoImportBatch } from "~/models/signal-import.server";
import { discardUpload, stagedUpload, stageUpload } from "~/models/staged-upload.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readUpload } from "~/utils/upload-sheet.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Signalen importeren · Rode Draad" }];

async function previewOf(uploadId: string | null, pageParam: string | null, userId: number) {
  if (!uploadId) return null;
  const upload = /^\d+$/.test(uploadId) ? stagedUpload("signals", Number(uploadId), userId) : undefined;
  if (!upload) notFound("Deze upload");
  const check = await previewCheck(upload.id, upload.bytes);
  if (!check.ok) return { kind: "invalid" as const, id: upload.id, fileName: upload.fileName, issues: previewPage(check.issues, pageParam) };
  const page = previewPage(check.records, pageParam);
  let from = check.records[0]?.receivedOn ?? "";
  let to = from;
  for (const { receivedOn } of check.records) {
    if (receivedOn < from) from = receivedOn;
    if (receivedOn > to) to = receivedOn;
  }
  return {
    kind: "valid" as const,
    id: upload.id,
    fileName: upload.fileName,
    count: check.records.length,
    from,
    to,
    duplicateOf: check.duplicateOf ?? null,
    // Only the page shown travels to the browser, never the whole file.
    rows: {
      ...page,
      rows: page.rows.map((r, i) => ({ n: page.first + i, receivedOn: r.receivedOn, regionCode: r.regionCode, topic: r.topic, procurementPhase: r.procurementPhase, status: r.status, summary: r.summary })),
    },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const params = new URL(request.url).searchParams;
  const preview = await previewOf(params.get("upload"), params.get("page"), user.id);
  const batches = listImportBatches().map((b) => ({ ...b, edited: b.undoneAt ? 0 : editedSinceImport(b.id) }));
  return { preview, batches };
}

const UPLOAD = uploadSchema("Kies een CSV- of Excel-bestand.");

const schema = z.discriminatedUnion("intent", [
  UPLOAD,
  z.object({ intent: z.literal("import"), uploadId: z.coerce.number().int().positive(), allowDuplicate: z.literal("yes").optional() }),
  z.object({ intent: z.literal("discard"), uploadId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("undo"), batchId: z.coerce.number().int().positive() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const { submission, refuse } = await readIntentForm(request, schema);
  if (submission.status !== "success") return refuse();
  const actor = actorOf(user, context);
  const value = submission.value;
  try {
    if (value.intent === "upload") {
      const id = stageUpload("signals", value.file.name || "signalen.csv", new Uint8Array(await value.file.arrayBuffer()), { ...actor, userId: user.id });
      return redirect(`/signalen/import?upload=${id}`);
    }
    if (value.intent === "import") {
      const upload = stagedUpload("signals", value.uploadId, user.id);
      if (!upload) notFound("Deze upload");
      const result = importSignals(await readUpload(upload.bytes), upload.fileName, actor, { allowDuplicate: value.allowDuplicate === "yes" });
      discardUpload(upload.id);
      return redirectWithFlash("/signalen/import", `${result.count} signalen geïmporteerd (import ${result.batchId}).`);
    }
    if (value.intent === "discard") {
      if (stagedUpload("signals", value.uploadId, user.id)) discardUpload(value.uploadId);
      return redirectWithFlash("/signalen/import", "De upload is verwijderd; er is niets geïmporteerd.");
    }
    const removed = undoImportBatch(value.batchId, actor);
    return redirectWithFlash("/signalen/import", `Import ${value.batchId} is ongedaan gemaakt: ${removed} signalen verwijderd.`);
  } catch (error) {
    if (error instanceof DomainError) return refuse(error);
    throw error;
  }
}

const pageHref = (uploadId: number) => (page: number) => `/signalen/import?upload=${uploadId}&page=${page}`;

export default function SignalImportPage() {
  const { preview, batches } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/signalen">Terug naar signalen</TextLink>
      </Paragraph>
      <Heading level={1}>Signalen importeren</Heading>
      <RefusalAlert result={answer?.intent === "upload" ? undefined : answer?.result} />
      {!preview ? (
        <>
          <Paragraph>
            Een Excel-bestand (.xlsx) of CSV-bestand met een kopregel: de kolomnamen zoals in de export voor Excel (
            {SIGNAL_CSV_COLUMNS.map((column) => SIGNAL_COLUMN_LABELS[column][0]).join(", ")}) of de codes{" "}
            <code>{SIGNAL_CSV_COLUMNS.join(",")}</code>. Waarden mogen de namen uit Rode Draad zijn of de codes, datums 15-03-2025 of
            2025-03-15. Een CSV mag komma&apos;s of puntkomma&apos;s gebruiken, in UTF-8 of zoals Excel het opslaat. U ziet eerst een
            controle; er wordt pas iets opgeslagen als u bevestigt, en dan alles of niets.
          </Paragraph>
          <UploadForm id="signals-file" schema={UPLOAD} submitLabel="Bestand controleren" lastResult={resultFor(answer, "upload")} kind="spreadsheet" />
        </>
      ) : preview.kind === "invalid" ? (
        <ImportIssues fileName={preview.fileName} issues={preview.issues} uploadId={preview.id} hrefFor={pageHref(preview.id)} />
      ) : (
        <>
          <Alert type="info" title={`${preview.fileName} is in orde`}>
            <p className="utrecht-paragraph">
              {preview.count.toLocaleString("nl-NL")} signalen, binnengekomen van {formatDate(preview.from)} tot en met {formatDate(preview.to)}.
            </p>
          </Alert>
          <Form method="post" className="utrecht-form rd-form">
            <CsrfField />
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="uploadId" value={preview.id} />
            {preview.duplicateOf ? (
              <Alert type="warning" title="Dit bestand is al eens geïmporteerd">
                <p className="utrecht-paragraph">
                  Op {formatDate(preview.duplicateOf.importedAt)} zijn uit hetzelfde bestand {preview.duplicateOf.rowCount} signalen
                  geïmporteerd (import {preview.duplicateOf.id}). Nogmaals importeren maakt dubbele signalen.
                </p>
                <div className="utrecht-form-field utrecht-form-field--checkbox">
                  <input id="allow-duplicate" type="checkbox" name="allowDuplicate" value="yes" className="utrecht-checkbox utrecht-checkbox--html-input" />{" "}
                  <label htmlFor="allow-duplicate" className="utrecht-form-label utrecht-form-label--checkbox">
                    Ik weet het; toch nogmaals importeren
                  </label>
                </div>
              </Alert>
            ) : null}
            <div className="utrecht-button-group">
              <Button>{preview.count} signalen importeren</Button>
            </div>
          </Form>
          <ActionButton intent="discard" label="Annuleren">
            <input type="hidden" name="uploadId" value={preview.id} />
          </ActionButton>
          <ImportRows
            rows={preview.rows}
            hrefFor={pageHref(preview.id)}
            columns={[
              { header: "Binnengekomen", nowrap: true, cell: (r) => formatShortDate(r.receivedOn) },
              { header: "Regio", cell: (r) => r.regionCode },
              { header: "Onderwerp", cell: (r) => TOPIC_LABELS[r.topic] },
              { header: "Fase", cell: (r) => PHASE_LABELS[r.procurementPhase] },
              { header: "Status", cell: (r) => STATUS_LABELS[r.status] },
              { header: "Samenvatting", cell: (r) => r.summary ?? "" },
            ]}
          />
        </>
      )}

      <section className="rd-section" aria-labelledby="batches-heading">
        <Heading level={2} id="batches-heading">
          Eerdere imports
        </Heading>
        <DataTable
          caption="Imports, nieuwste eerst"
          rows={batches}
          rowKey={(b) => b.id}
          empty={<Paragraph>Er is nog niets geïmporteerd.</Paragraph>}
          columns={[
            { header: "Import", rowHeader: true, cell: (b) => `${b.id}: ${b.fileName}` },
            { header: "Signalen", numeric: true, cell: (b) => b.rowCount },
            { header: "Wanneer", cell: (b) => `${formatDateTime(b.importedAt)} · ${b.importedBy ?? "opdrachtregel"}` },
            {
              header: "Ongedaan maken",
              cell: (b) =>
                b.undoneAt ? (
                  `Ongedaan op ${formatDate(b.undoneAt)}`
                ) : (
                  <ActionButton
                    intent="undo"
                    label={`Import ${b.id} ongedaan maken`}
                    danger
                    confirmText={`Alle ${b.rowCount} signalen van import ${b.id} worden verwijderd${b.edited ? `, ook ${b.edited} die sindsdien zijn bewerkt` : ""}. Doorgaan?`}
                  >
                    <input type="hidden" name="batchId" value={b.id} />
                  </ActionButton>
                ),
            },
          ]}
        />
      </section>
    </section>
  );
}
