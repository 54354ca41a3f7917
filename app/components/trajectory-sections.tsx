import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { CheckboxGroup } from "./choice-fields";
import { AppForm, SelectField, TextAreaField, TextField } from "./form";
import { Heading, ListItem, Paragraph, UnorderedList } from "./ui/text";
import { CONTACT_KIND_LABELS, CONTACT_KINDS, ESCALATION_LABELS, ESCALATION_TYPES, type ContactKind } from "~/domain/trajectory-codes";
import { contactSchema, dismissSchema, escalationSchema, lessonSchema } from "~/domain/trajectory-form";
import { formatShortDate } from "~/domain/dates-nl";
import { optionsOf } from "~/domain/signal-codes";

type Result = SubmissionResult<string[]> | undefined;

/** Step 5: talks with municipalities and regions, recorded confidentially. */
export function ContactsSection({
  contacts,
  lastResult,
  today,
}: {
  contacts: { id: number; heldOn: string; kind: ContactKind; organisations: string; summary: string }[];
  lastResult: Result;
  today: string;
}) {
  const [form, fields] = useForm({
    id: "contact",
    lastResult,
    defaultValue: { heldOn: today, kind: "municipality" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="gesprekken" className="rd-section" aria-labelledby="contacts-heading">
      <Heading level={2} id="contacts-heading">
        Gesprekken met externen (stap 5)
      </Heading>
      {contacts.length === 0 ? <Paragraph>Nog geen gesprekken vastgelegd.</Paragraph> : null}
      <UnorderedList>
        {contacts.map((c) => (
          <ListItem key={c.id}>
            <strong>
              {formatShortDate(c.heldOn)} · {CONTACT_KIND_LABELS[c.kind]}
            </strong>{" "}
            · {c.organisations}
            <p className="utrecht-paragraph rd-pre">{c.summary}</p>
          </ListItem>
        ))}
      </UnorderedList>
      <AppForm form={form} submitLabel="Gesprek vastleggen">
        <input type="hidden" name="intent" value="contact" />
        <TextField field={fields.heldOn} label="Datum" type="date" />
        <SelectField field={fields.kind} label="Soort overleg" options={optionsOf(CONTACT_KINDS, CONTACT_KIND_LABELS)} />
        <TextField field={fields.organisations} label="Aanwezige organisaties" />
        <TextAreaField field={fields.summary} label="Samenvatting (vertrouwelijk)" rows={4} />
      </AppForm>
    </section>
  );
}

/** Step 6: support by OZJ and VNG, and escalation where needed. */
export function EscalationsSection({
  escalations,
  lastResult,
  today,
}: {
  escalations: { id: number; happenedOn: string; legal: boolean; council: boolean; publicity: boolean; description: string | null }[];
  lastResult: Result;
  today: string;
}) {
  const [form, fields] = useForm({
    id: "escalation",
    lastResult,
    defaultValue: { happenedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: escalationSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="escalaties" className="rd-section" aria-labelledby="escalations-heading">
      <Heading level={2} id="escalations-heading">
        Escalaties (stap 6)
      </Heading>
      {escalations.length === 0 ? <Paragraph>Geen escalaties.</Paragraph> : null}
      <UnorderedList>
        {escalations.map((e) => (
          <ListItem key={e.id}>
            <strong>{formatShortDate(e.happenedOn)}</strong> ·{" "}
            {ESCALATION_TYPES.filter((type) => e[type])
              .map((type) => ESCALATION_LABELS[type])
              .join(", ")}
            {e.description ? <p className="utrecht-paragraph rd-pre">{e.description}</p> : null}
          </ListItem>
        ))}
      </UnorderedList>
      <AppForm form={form} submitLabel="Escalatie vastleggen">
        <input type="hidden" name="intent" value="escalation" />
        <TextField field={fields.happenedOn} label="Datum" type="date" />
        <CheckboxGroup field={fields.types} legend="Soort escalatie" options={optionsOf(ESCALATION_TYPES, ESCALATION_LABELS)} />
        <TextAreaField field={fields.description} label="Toelichting (vertrouwelijk, niet verplicht)" rows={3} />
      </AppForm>
    </section>
  );
}

/** Step 8: lessons for colleagues in other regions; written to be shared, so without names of providers. */
export function LessonsSection({ lessons, lastResult }: { lessons: { id: number; at: string; text: string }[]; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "lesson",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lessonSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="lessen" className="rd-section" aria-labelledby="lessons-heading">
      <Heading level={2} id="lessons-heading">
        Ervaringen delen (stap 8)
      </Heading>
      <UnorderedList>
        {lessons.map((l) => (
          <ListItem key={l.id}>
            {formatShortDate(l.at)} · {l.text}
          </ListItem>
        ))}
      </UnorderedList>
      <AppForm form={form} submitLabel="Les vastleggen">
        <input type="hidden" name="intent" value="lesson" />
        <TextAreaField field={fields.text} label="Geleerde les (zonder namen van aanbieders)" description="Verschijnt in de lijst met lessen, die ook de regioadviseurs van alle regio's lezen." rows={3} />
      </AppForm>
    </section>
  );
}

/** Settles "herbeoordeling nodig" without a plan revision, with the reason on record. */
export function DismissReanalysisForm({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useForm({
    id: "dismiss",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: dismissSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <AppForm form={form} submitLabel="Geen herbeoordeling nodig">
      <input type="hidden" name="intent" value="dismiss" />
      <TextField field={fields.reason} label="Waarom het plan niet hoeft te veranderen" />
    </AppForm>
  );
}
