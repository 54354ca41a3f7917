import { getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { AppForm, FieldShell } from "./form";
import { Alert } from "./ui/alert";
import type { uploadSchema } from "~/domain/upload-form";

/** What each upload takes: its label and the file types offered by the browser's file picker. */
export const UPLOAD_KINDS = {
  spreadsheet: { label: "CSV- of Excel-bestand", accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  csv: { label: "CSV-bestand", accept: ".csv,text/csv" },
  mail: { label: "E-mailbestand (.eml of .msg)", accept: ".eml,.msg,message/rfc822,application/vnd.ms-outlook" },
  tenderned: { label: "Exportbestand (JSON)", accept: ".json,application/json" },
  // Any file: the server decides from its bytes (domain/file-type.ts) what it keeps.
  attachment: { label: "Bestand", accept: ".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.eml,.msg,.txt" },
} as const;

/**
 * Uploading a file for a preview (imports, a saved e-mail): a plain multipart form, so it works without JavaScript.
 * With JavaScript a file dropped on the form (`dropOnPage`: anywhere on the page, even while the form is folded away)
 * is sent at once, as if chosen and sent.
 */
export function UploadForm({
  id,
  schema,
  submitLabel,
  lastResult,
  kind,
  dropOnPage = false,
  hidden = {},
}: {
  id: string;
  schema: ReturnType<typeof uploadSchema>;
  submitLabel: string;
  lastResult: SubmissionResult<string[]> | undefined;
  kind: keyof typeof UPLOAD_KINDS;
  dropOnPage?: boolean;
  /** Fields sent with the file, e.g. which of a page's records it is for. */
  hidden?: Record<string, string>;
}) {
  const [form, fields] = useForm<z.input<typeof schema>>({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  const invalid = Boolean(fields.file.errors?.length);
  const input = useRef<HTMLInputElement>(null);
  const drop = (event: { dataTransfer: DataTransfer | null; preventDefault: () => void }) => {
    if (!input.current || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    input.current.files = event.dataTransfer.files;
    input.current.form?.requestSubmit();
  };
  useEffect(() => {
    if (!dropOnPage) return;
    const allow = (event: DragEvent) => event.preventDefault();
    document.addEventListener("dragover", allow);
    document.addEventListener("drop", drop);
    return () => {
      document.removeEventListener("dragover", allow);
      document.removeEventListener("drop", drop);
    };
  });
  return (
    <div className="rd-drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={dropOnPage ? undefined : drop}>
      <AppForm form={form} submitLabel={submitLabel} encType="multipart/form-data">
        <input type="hidden" name="intent" value="upload" />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FieldShell field={fields.file} label={UPLOAD_KINDS[kind].label}>
          <input
            {...getInputProps(fields.file, { type: "file" })}
            key={fields.file.key}
            ref={input}
            accept={UPLOAD_KINDS[kind].accept}
            required
            className={invalid ? "utrecht-textbox--invalid" : undefined}
          />
        </FieldShell>
      </AppForm>
    </div>
  );
}

/** What the server refused on an import page's buttons (confirm, discard, undo), which have no fields to show it at. */
export function RefusalAlert({ result }: { result: SubmissionResult<string[]> | undefined }) {
  const messages = [...new Set(Object.values(result?.error ?? {}).flatMap((list) => list ?? []))];
  return messages.length > 0 ? <Alert type="error">{messages.join(" ")}</Alert> : null;
}

/** Files to send with a form; a browser never keeps a chosen file after a refusal, so the hint says to choose again. */
export function FileField<Value>({
  field,
  label,
  description,
  multiple,
}: {
  field: FieldMetadata<Value, Record<string, unknown>, string[]>;
  label: string;
  description?: string;
  multiple?: boolean;
}) {
  return (
    <FieldShell field={field} label={label} description={description}>
      <input {...getInputProps(field, { type: "file", ariaDescribedBy: description ? field.descriptionId : undefined })} key={field.key} multiple={multiple} />
    </FieldShell>
  );
}
