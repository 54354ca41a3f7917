import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { CheckboxField } from "./choice-fields";
import { AppForm, SelectField, TextAreaField, TextField } from "./form";
import { EntryFields, FORMATTING } from "./knowledge-article-form";
import { practiceSchema } from "~/domain/practice";

export type PracticeDefaults = {
  title?: string;
  whatWasDone?: string;
  outcome?: string;
  regionCode?: string;
  showRegion?: string;
  topic?: string;
  procurementPhase?: string;
  references?: string;
  checkedOn?: string;
  sensitiveNames?: string;
  lessonId?: number;
};

/** A goed voorbeeld's text, region and classification; saving always stores a new version. */
export function PracticeForm({
  id,
  defaults,
  regions,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaults: PracticeDefaults;
  regions: { code: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const [form, fields] = useForm({ id, lastResult, defaultValue: defaults, onValidate: ({ formData }) => parseWithZod(formData, { schema: practiceSchema }), shouldValidate: "onSubmit" });
  return (
    <AppForm form={form} submitLabel={submitLabel}>
      <input type="hidden" name="intent" value="save" />
      {defaults.lessonId !== undefined ? <input type="hidden" name={fields.lessonId.name} value={defaults.lessonId} /> : null}
      <TextField field={fields.title} label="Titel" />
      <TextAreaField field={fields.whatWasDone} label="Wat er is gedaan" description={FORMATTING} rows={8} />
      <TextAreaField field={fields.outcome} label="Wat het opleverde" description={FORMATTING} rows={6} />
      <SelectField field={fields.regionCode} label="Regio" options={regions.map((r) => ({ value: r.code, label: r.name }))} placeholder="Geen regio" />
      <CheckboxField field={fields.showRegion} label="Regio tonen op de openbare site (alleen als de regio daarmee instemt)" />
      <EntryFields fields={fields} />
    </AppForm>
  );
}
