import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { CheckboxField, CheckboxGroup, RadioGroup } from "./choice-fields";
import { ActionButton, AppForm, TextAreaField, TextField } from "./form";
import { Heading, Paragraph } from "./ui/text";
import { OUTCOME_LABELS, OUTCOMES, STEP_LABELS, type Step } from "~/domain/trajectory-codes";
import { closeSchema, outcomesSchema } from "~/domain/trajectory-form";
import type { TrajectoryDetail } from "~/models/trajectory-detail.server";

type Result = SubmissionResult<string[]> | undefined;

export function OutcomesSection({
  trajectory: t,
  regionMunicipalities,
  lastResult,
}: {
  trajectory: TrajectoryDetail;
  regionMunicipalities: { code: string; name: string }[];
  lastResult: Result;
}) {
  const [form, fields] = useForm({
    id: "outcomes",
    lastResult,
    defaultValue: {
      outcomes: [
        t.forcesBundled ? "forces_bundled" : "",
        t.jointVision ? "joint_vision" : "",
        t.cooperativeFormed ? "cooperative_formed" : "",
        t.visionAdapted ? "vision_adapted" : "",
      ].filter(Boolean),
      contractWon: t.contractWon ? "yes" : "",
      contractsAwardedTotal: t.contractsAwardedTotal ?? "",
      municipalitiesConsulted: t.municipalitiesConsulted.map((m) => m.code),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomesSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section id="uitkomsten" className="rd-section" aria-labelledby="outcomes-heading">
      <Heading level={2} id="outcomes-heading">
        Uitkomsten
      </Heading>
      <AppForm form={form} submitLabel="Uitkomsten opslaan">
        <input type="hidden" name="intent" value="outcomes" />
        <CheckboxGroup field={fields.outcomes} legend="Bereikt" options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
        <CheckboxField field={fields.contractWon} label="De coöperatie heeft een contract gewonnen" />
        <TextField field={fields.contractsAwardedTotal} label="Aantal gegunde contracten in totaal (niet verplicht)" />
        <CheckboxGroup
          field={fields.municipalitiesConsulted}
          legend="Gemeenten waar aanbieders meepraatten over de inkoopvisie"
          options={regionMunicipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      </AppForm>
    </section>
  );
}

/**
 * Closing as completed or stopped (a stop needs its reason, at its field), or reopening. Steps still "bezig" are named
 * before closing, and the server asks for a tick to close anyway.
 */
export function CloseSection({
  trajectory: t,
  activeSteps,
  today,
  lastResult,
}: {
  trajectory: TrajectoryDetail;
  activeSteps: Step[];
  today: string;
  lastResult: Result;
}) {
  const [form, fields] = useForm({
    id: "close",
    lastResult,
    defaultValue: { status: "completed", closedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closeSchema }),
    shouldValidate: "onSubmit",
  });
  const closed = t.status !== "active";
  return (
    <section id="afsluiten" className="rd-section" aria-labelledby="close-heading">
      <Heading level={2} id="close-heading">
        {closed ? "Heropenen" : "Afsluiten"}
      </Heading>
      {closed ? (
        <>
          {t.closeReason ? <Paragraph>Reden van stoppen: {t.closeReason}</Paragraph> : null}
          <ActionButton intent="reopen" label="Traject heropenen" />
        </>
      ) : (
        <AppForm form={form} submitLabel="Traject afsluiten">
          <input type="hidden" name="intent" value="close" />
          <RadioGroup
            field={fields.status}
            legend="Is het strategische doel bereikt?"
            options={[
              { value: "completed", label: "Ja, doel bereikt (afgerond)" },
              { value: "stopped", label: "Nee, gestopt" },
            ]}
          />
          <TextAreaField field={fields.reason} label="Reden (verplicht bij stoppen)" rows={2} />
          <TextField field={fields.closedOn} label="Einddatum" type="date" />
          {activeSteps.length > 0 ? (
            <>
              <Paragraph>
                <strong>Nog bezig:</strong> {activeSteps.map((step) => STEP_LABELS[step]).join(", ")}.
              </Paragraph>
              <CheckboxField field={fields.confirmActiveSteps} label="Toch afsluiten, ook al zijn deze stappen nog bezig" />
            </>
          ) : null}
        </AppForm>
      )}
    </section>
  );
}
