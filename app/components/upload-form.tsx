import { getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { AppForm, FieldShell } from "./form";
import { Alert } from "./ui/alert";
import type { uploadSchema } from "~/domain/upload-form";

const SPREADSHEET_TYPES = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Uploading a file for a preview (signals, trajectories, region tables): a plain multipart form, so it works without
 * JavaScript. `spreadsheet`: the imports that also read an .xlsx (the region import reads CSV only).
 */
export function UploadForm({
  id,
  schema,
  submitLabel,
  lastResult,
  spreadsheet = false,
  file,
}: {
  id: string;
  schema: ReturnType<typeof uploadSchema>;
  submitLabel: string;
  lastResult: SubmissionResult<string[]> | undefined;
  spreadsheet?: boolean;
  /** Another kind of file than CSV (TenderNed's JSON export): its label and accept list. */
  file?: { label: string; accept: string };
}) {
  const [form, fields] = useForm<z.input<typeof schema>>({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  const invalid = Boolean(fields.file.errors?.length);
  return (
    <AppForm form={form} submitLabel={submitLabel} encType="multipart/form-data">
      <input type="hidden" name="intent" value="upload" />
      <FieldShell field={fields.file} label={file?.label ?? (spreadsheet ? "CSV- of Excel-bestand" : "CSV-bestand")}>
        <input
          {...getInputProps(fields.file, { type: "file" })}
          key={fields.file.key}
          accept={file?.accept ?? (spreadsheet ? SPREADSHEET_TYPES : ".csv,text/csv")}
          required
          className={invalid ? "utrecht-textbox--invalid" : undefined}
        />
      </FieldShell>
    </AppForm>
  );
}

/** What the server refused on an import page's buttons (confirm, discard, undo), which have no fields to show it at. */
export function RefusalAlert({ result }: { result: SubmissionResult<string[]> | undefined }) {
  const messages = [...new Set(Object.values(result?.error ?? {}).flatMap((list) => list ?? []))];
  return messages.length > 0 ? <Alert type="error">{messages.join(" ")}</Alert> : null;
}
