import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Fold } from "~/components/fold";
import { AppForm } from "~/components/form";
import { ConfidentialFields, EssentialClassificationFields, FOLDED_INTAKE_FIELDS, FurtherClassificationFields, SummaryField } from "~/components/signal-fields";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { intakeSchema } from "~/domain/signal-form";
import { createSignal, lastIntakeChannel } from "~/models/signal.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw signaal · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  return { reference: regionAndMunicipalityOptions(), today: todayInTheNetherlands(), channel: lastIntakeChannel(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const { submission } = await readForm(request, intakeSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const id = createSignal(submission.value, actorOf(user, context));
    return redirectWithFlash(`/signalen/${id}`, "Het signaal is vastgelegd.");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewSignalPage() {
  const { reference, today, channel } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-signal",
    lastResult,
    defaultValue: { receivedOn: today, channel, referredBy: "direct", procedure: "unknown", funding: "unknown" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: intakeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const foldedError = FOLDED_INTAKE_FIELDS.some((name) => fields[name].errors?.length);
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/signalen">Terug naar signalen</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw signaal</Heading>
      <Paragraph>Eerst wat een telefoontje oplevert; de rest staat onder &lsquo;Meer gegevens&rsquo; en kan ook later.</Paragraph>
      <AppForm form={form} submitLabel="Signaal vastleggen">
        <EssentialClassificationFields fields={fields} reference={reference} focusRequester={!lastResult} />
        <SummaryField field={fields.summary} />
        <Fold summary="Meer gegevens (niet verplicht): herkomst, aanleidingen, toelichting en melder" open={foldedError}>
          <FurtherClassificationFields fields={fields} />
          <ConfidentialFields fields={fields} />
        </Fold>
      </AppForm>
    </section>
  );
}
