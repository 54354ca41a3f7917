import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ActionButton, AppForm, CsrfField, SelectField, TextAreaField, TextField } from "./form";
import { newestId } from "./signal-sections";
import { DataTable } from "./ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "./ui/text";
import { formatDate, formatDateTime, formatShortDate } from "~/domain/dates-nl";
import { ASSOCIATION_LABELS, STATUS_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { MILESTONE_LABELS, STEP_LABELS, type Step } from "~/domain/trajectory-codes";
import { linkSignalSchema, planRevisionSchema, stepNoteSchema } from "~/domain/trajectory-form";
import type { TrajectoryDetail } from "~/models/trajectory-detail.server";

type Result = SubmissionResult<string[]> | undefined;

/** Notes per step; the form offers the steps the permission table lets this user write (advisers: step 2). The box is empty again once a note is saved. */
export function StepNotesSection({ notes, noteSteps, lastResult }: { notes: TrajectoryDetail["notes"]; noteSteps: Step[]; lastResult: Result }) {
  const [form, fields] = useForm({
    id: `step-note-${newestId(notes)}`,
    lastResult,
    defaultValue: { step: noteSteps[0] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stepNoteSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="notities" className="rd-section" aria-labelledby="notes-heading">
      <Heading level={2} id="notes-heading">
        Notities per stap
      </Heading>
      {notes.length === 0 ? <Paragraph>Nog geen notities.</Paragraph> : null}
      <UnorderedList>
        {notes.map((n) => (
          <ListItem key={n.id}>
            <span className="rd-muted">
              {STEP_LABELS[n.step]} · {formatDateTime(n.at)} · {n.author ?? "onbekend"}
            </span>
            <p className="utrecht-paragraph rd-pre">{n.body}</p>
          </ListItem>
        ))}
      </UnorderedList>
      <AppForm form={form} submitLabel="Notitie toevoegen">
        <input type="hidden" name="intent" value="note" />
        {noteSteps.length > 1 ? (
          <SelectField field={fields.step} label="Bij stap" options={noteSteps.map((step) => ({ value: step, label: STEP_LABELS[step] }))} />
        ) : (
          <input type="hidden" name="step" value={noteSteps[0]} />
        )}
        <TextAreaField field={fields.body} label={noteSteps.length > 1 ? "Notitie" : "Analysenotitie (stap 2)"} rows={4} />
      </AppForm>
    </section>
  );
}

/**
 * The plan of approach: the current version in full, and a new version that starts from it (a revision changes a few
 * lines; nobody should retype the rest). Keyed on the version, so after saving the box holds the new current text.
 */
export function PlanSection({
  trajectoryId,
  planCount,
  current,
  editable,
  lastResult,
}: {
  trajectoryId: number;
  planCount: number;
  current: { version: number; at: string; body: string } | null;
  editable: boolean;
  lastResult: Result;
}) {
  const [form, fields] = useForm({
    id: `plan-${current?.version ?? 0}`,
    lastResult,
    defaultValue: { body: current?.body ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planRevisionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="plan" className="rd-section" aria-labelledby="plan-heading">
      <Heading level={2} id="plan-heading">
        Plan van aanpak
      </Heading>
      <Paragraph>
        {planCount === 0 ? "Nog geen versie." : `${planCount} ${planCount === 1 ? "versie" : "versies"}.`}{" "}
        {planCount > 0 ? <TextLink to={`/trajecten/${trajectoryId}/plan`}>Lees en vergelijk de versies</TextLink> : null}
      </Paragraph>
      {current ? (
        <div className="rd-plan-current">
          <Heading level={3}>
            Huidige versie ({current.version}), {formatDate(current.at)}
          </Heading>
          <p className="utrecht-paragraph rd-pre">{current.body}</p>
        </div>
      ) : null}
      {editable ? (
        <AppForm form={form} submitLabel="Nieuwe versie opslaan">
          <input type="hidden" name="intent" value="plan" />
          <TextAreaField
            field={fields.body}
            label="Tekst van het plan (volledige nieuwe versie)"
            description={current ? "Begint met de huidige versie: pas aan wat verandert." : undefined}
            rows={10}
          />
          <TextField field={fields.reason} label="Reden van deze versie" description="Bijvoorbeeld: nieuwe nota van inlichtingen verwerkt." />
        </AppForm>
      ) : null}
    </section>
  );
}

export function LinkedSignalsSection({ signals, isIntermediary, lastResult }: { signals: TrajectoryDetail["linkedSignals"]; isIntermediary: boolean; lastResult: Result }) {
  const [form, fields] = useForm({
    id: "link",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkSignalSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="signalen" className="rd-section" aria-labelledby="signals-heading">
      <Heading level={2} id="signals-heading">
        Gekoppelde signalen
      </Heading>
      <DataTable
        caption="Signalen in dit traject"
        rows={signals}
        rowKey={(s) => s.id}
        empty={<Paragraph>Nog geen signalen gekoppeld.</Paragraph>}
        columns={[
          { header: "Signaal", rowHeader: true, cell: (s) => (isIntermediary ? <TextLink to={`/signalen/${s.id}`}>Signaal {s.id}</TextLink> : `Signaal ${s.id}`) },
          { header: "Binnen", nowrap: true, cell: (s) => formatShortDate(s.receivedOn) },
          { header: "Soort vraag", cell: (s) => TOPIC_LABELS[s.topic] },
          { header: "Status", cell: (s) => STATUS_LABELS[s.status] },
          ...(isIntermediary
            ? [
                {
                  header: "Ontkoppelen",
                  cell: (s: { id: number }) => (
                    <ActionButton intent="unlink" label="Ontkoppelen" ariaLabel={`Signaal ${s.id} ontkoppelen`}>
                      <input type="hidden" name="signalId" value={s.id} />
                    </ActionButton>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isIntermediary ? (
        <AppForm form={form} submitLabel="Signaal koppelen">
          <input type="hidden" name="intent" value="link" />
          <TextField field={fields.signalId} label="Signaalnummer" />
        </AppForm>
      ) : null}
    </section>
  );
}

export function PeopleSection({ trajectory: t, adviserOptions, isIntermediary }: { trajectory: TrajectoryDetail; adviserOptions: { id: number; name: string }[]; isIntermediary: boolean }) {
  return (
    <section id="betrokkenen" className="rd-section" aria-labelledby="people-heading">
      <Heading level={2} id="people-heading">
        Betrokkenen
      </Heading>
      <Paragraph>Gemeenten: {t.municipalitiesInvolved.map((m) => m.name).join(", ") || "geen gekozen"}.</Paragraph>
      <Paragraph>Beroepsverenigingen: {t.associations.map((a) => ASSOCIATION_LABELS[a]).join(", ") || "geen gekozen"}.</Paragraph>
      <Paragraph>Regioadviseurs: {t.advisers.map((a) => a.name).join(", ") || "geen"}.</Paragraph>
      {isIntermediary ? (
        <Form method="post" className="rd-toolbar">
          <CsrfField />
          <input type="hidden" name="intent" value="advisers" />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend">Regioadviseurs die dit traject zien</legend>
            {adviserOptions.length === 0 ? <Paragraph>Er zijn nog geen accounts met de rol regioadviseur.</Paragraph> : null}
            {adviserOptions.map((a) => (
              <div key={a.id} className="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  id={`adviser-${a.id}`}
                  type="checkbox"
                  name="adviserIds"
                  value={a.id}
                  defaultChecked={t.advisers.some((x) => x.id === a.id)}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />{" "}
                <label htmlFor={`adviser-${a.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
                  {a.name}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Regioadviseurs opslaan
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function MilestonesSection({ trajectory: t, isIntermediary }: { trajectory: TrajectoryDetail; isIntermediary: boolean }) {
  return (
    <section id="stukken" className="rd-section" aria-labelledby="milestones-heading">
      <Heading level={2} id="milestones-heading">
        Aanbestedingsstukken van de regio (stap 7)
      </Heading>
      {t.milestones.length === 0 ? <Paragraph>Nog geen mijlpalen of documenten.</Paragraph> : null}
      <UnorderedList>
        {t.milestones.map((m) => (
          <ListItem key={m.id}>
            {formatShortDate(m.dueOn)} · {MILESTONE_LABELS[m.kind]} · {m.title}
          </ListItem>
        ))}
      </UnorderedList>
      <TextLink to={`/regios/${t.regionCode}`}>{isIntermediary ? "Mijlpalen en documenten bijhouden" : "Naar de regio"}</TextLink>
    </section>
  );
}
