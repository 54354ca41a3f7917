import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { ActionButton, AppForm, SelectField } from "./form";
import { Alert } from "./ui/alert";
import { ButtonLink } from "./ui/button";
import { Heading, Paragraph, TextLink } from "./ui/text";
import { formatDate } from "~/domain/dates-nl";
import type { SignalStatus } from "~/domain/signal-codes";
import { assignSchema, linkSchema } from "~/domain/signal-form";

type Result = SubmissionResult<string[]> | undefined;

const TRANSITION_LABELS: Record<SignalStatus, string> = {
  new: "Terug naar nieuw",
  in_progress: "In behandeling nemen",
  answered: "Markeren als beantwoord",
  closed: "Afronden",
  in_trajectory: "Markeren als in traject",
};

/** Where the signal stands and who has it: the status steps it may take, its trajectories, and its assignee. */
export function StatusSection({
  signal,
  transitions,
  trajectories,
  running,
  staff,
  results,
}: {
  signal: { id: number; assignedTo: number | null };
  transitions: SignalStatus[];
  trajectories: { id: number; regionName: string; startedOn: string }[];
  running: { id: number; regionName: string; strategicGoal: string }[];
  staff: { id: number; name: string }[];
  results: { status: Result; link: Result; assign: Result };
}) {
  const [linkForm, linkFields] = useForm({
    id: "link",
    lastResult: results.link,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkSchema }),
    shouldValidate: "onSubmit",
  });
  const [assignForm, assignFields] = useForm({
    id: "assign",
    lastResult: results.assign,
    defaultValue: { assignedTo: signal.assignedTo === null ? "" : String(signal.assignedTo) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldValidate: "onSubmit",
  });
  const statusError = results.status?.error?.[""]?.[0] ?? results.status?.error?.status?.[0];
  return (
    <section className="rd-section" aria-labelledby="status-heading">
      <Heading level={2} id="status-heading">
        Status en toewijzing
      </Heading>
      {statusError ? <Alert type="error">{statusError}</Alert> : null}
      <div className="rd-toolbar">
        {transitions.map((to) => (
          <ActionButton key={to} intent="status" label={TRANSITION_LABELS[to]}>
            <input type="hidden" name="status" value={to} />
          </ActionButton>
        ))}
      </div>
      {trajectories.length > 0 ? (
        <Paragraph>
          Hoort bij:{" "}
          {trajectories.map((t, i) => (
            <span key={t.id}>
              {i > 0 ? ", " : ""}
              <TextLink to={`/trajecten/${t.id}`}>
                traject {t.regionName} (sinds {formatDate(t.startedOn)})
              </TextLink>
            </span>
          ))}
        </Paragraph>
      ) : null}
      <div className="rd-toolbar">
        <ButtonLink to={`/trajecten/nieuw?signal=${signal.id}`}>Start traject vanuit dit signaal</ButtonLink>
      </div>
      {running.length > 0 ? (
        <AppForm form={linkForm} submitLabel="Koppelen" compact>
          <input type="hidden" name="intent" value="link" />
          <SelectField
            field={linkFields.trajectoryId}
            label="Of koppel aan"
            placeholder="Kies een lopend traject"
            options={running.map((t) => ({ value: String(t.id), label: `${t.regionName}: ${t.strategicGoal.slice(0, 60)}` }))}
          />
        </AppForm>
      ) : null}
      <AppForm form={assignForm} submitLabel="Toewijzen" compact>
        <input type="hidden" name="intent" value="assign" />
        <SelectField field={assignFields.assignedTo} label="Toegewezen aan" placeholder="Niemand" options={staff.map((s) => ({ value: String(s.id), label: s.name }))} />
      </AppForm>
    </section>
  );
}
