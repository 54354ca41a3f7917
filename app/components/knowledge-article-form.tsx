import { useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { AppForm, SelectField, TextAreaField, TextField } from "./form";
import { articleSchema } from "~/domain/knowledge";
import { PHASE_LABELS, PHASES, TOPIC_LABELS, TOPICS } from "~/domain/signal-codes";

export const FORMATTING = "Lege regel: nieuwe alinea. Regels met “- ” worden een opsomming, met “1. ” een genummerde lijst, **zo** wordt tekst vet.";

export type ArticleDefaults = {
  question?: string;
  answer?: string;
  topic?: string;
  procurementPhase?: string;
  references?: string;
  checkedOn?: string;
  sensitiveNames?: string;
  signalId?: number;
};

/** The article's text and classification; saving always stores a new version. */
export function ArticleForm({ id, defaults, lastResult, submitLabel }: { id: string; defaults: ArticleDefaults; lastResult: SubmissionResult<string[]> | undefined; submitLabel: string }) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: articleSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <AppForm form={form} submitLabel={submitLabel}>
      <input type="hidden" name="intent" value="save" />
      {defaults.signalId !== undefined ? <input type="hidden" name={fields.signalId.name} value={defaults.signalId} /> : null}
      <TextAreaField field={fields.question} label="Vraag" rows={2} />
      <TextAreaField field={fields.answer} label="Antwoord" description={FORMATTING} rows={12} />
      <EntryFields fields={fields} />
    </AppForm>
  );
}

type EntryFieldSet = Record<"topic" | "procurementPhase" | "references" | "checkedOn" | "sensitiveNames", FieldMetadata<string>>;

/** The fields every kennisbank entry has, an answer article or a goed voorbeeld (practice-form.tsx). */
export function EntryFields({ fields }: { fields: EntryFieldSet }) {
  return (
    <>
      <SelectField field={fields.topic} label="Onderwerp" options={TOPICS.map((value) => ({ value, label: TOPIC_LABELS[value] }))} placeholder="Kies…" />
      <SelectField field={fields.procurementPhase} label="Fase van de inkoop" options={PHASES.map((value) => ({ value, label: PHASE_LABELS[value] }))} placeholder="Kies…" />
      <TextAreaField
        field={fields.references}
        label="Verwijzingen (wetten, documenten, links)"
        description="Eén per regel, bijvoorbeeld “Jeugdwet, artikel 2.6” of “Handreiking inkoop | https://…”. Alleen links met http:// of https://."
        rows={4}
      />
      <TextField field={fields.checkedOn} label="Laatst gecontroleerd" type="date" />
      <TextAreaField
        field={fields.sensitiveNames}
        label="Gevoelige namen (alleen intern)"
        description="Eén per regel: namen die nooit op de openbare site mogen komen. De controle voor publicatie zoekt ze in de tekst."
        rows={3}
      />
    </>
  );
}
