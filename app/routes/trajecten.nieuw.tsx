import { getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup } from "~/components/choice-fields";
import { AppForm, FieldShell, SelectField, TextAreaField, TextField } from "~/components/form";
import { MunicipalityChecklist } from "~/components/municipality-checklist";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { ASSOCIATION_LABELS, ASSOCIATIONS, optionsOf } from "~/domain/signal-codes";
import { newTrajectorySchema } from "~/domain/trajectory-form";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { signalRegion } from "~/models/signal.server";
import { createTrajectory } from "~/models/trajectory.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw traject · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "trajectory.manage");
  const signalParam = new URL(request.url).searchParams.get("signal");
  const signalId = signalParam === null ? undefined : recordOr404(signalParam, "Dit signaal");
  const fromSignal = signalId ? (signalRegion(signalId) ?? notFound("Dit signaal")) : undefined;
  return {
    reference: regionAndMunicipalityOptions(),
    today: todayInTheNetherlands(),
    fromSignal: fromSignal ? { id: signalId, regionCode: fromSignal } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "trajectory.manage");
  const { submission } = await readForm(request, newTrajectorySchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const id = createTrajectory(submission.value, actorOf(user, context));
    return redirectWithFlash(`/trajecten/${id}`, "Het traject is gestart.");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewTrajectoryPage() {
  const { reference, today, fromSignal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-trajectory",
    lastResult,
    defaultValue: { startedOn: today, regionCode: fromSignal?.regionCode ?? "", signalId: fromSignal?.id ? String(fromSignal.id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newTrajectorySchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/trajecten">Terug naar trajecten</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw traject</Heading>
      {fromSignal ? <Paragraph>Vanuit signaal {fromSignal.id}: dat signaal wordt aan het traject gekoppeld.</Paragraph> : null}
      <AppForm form={form} submitLabel="Traject starten">
        {fromSignal ? <input type="hidden" name="signalId" value={fromSignal.id} /> : null}
        <SelectField field={fields.regionCode} label="Jeugdregio" placeholder="Kies een regio" options={reference.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))} />
        <MunicipalityChecklist
          field={fields.municipalities}
          legend="Betrokken gemeenten (niet verplicht)"
          regionCode={fields.regionCode.value}
          regions={reference.regions}
          municipalities={reference.municipalities}
        />
        <CheckboxGroup field={fields.associations} legend="Betrokken beroepsverenigingen" options={optionsOf(ASSOCIATIONS, ASSOCIATION_LABELS)} />
        <FieldShell field={fields.providersInvolved} label="Aantal betrokken aanbieders">
          <input {...getInputProps(fields.providersInvolved, { type: "number" })} min={0} className="utrecht-textbox utrecht-textbox--html-input" />
        </FieldShell>
        <TextAreaField field={fields.strategicGoal} label="Strategisch doel" rows={3} />
        <TextField field={fields.startedOn} label="Startdatum" type="date" />
      </AppForm>
    </section>
  );
}
