import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppForm } from "~/components/form";
import { ClassificationFields, ConfidentialFields } from "~/components/signal-fields";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { intakeSchema } from "~/domain/signal-form";
import { createSignal } from "~/models/signal.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw signaal · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["intermediary"]);
  return { reference: regionAndMunicipalityOptions(), today: todayInTheNetherlands() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, ["intermediary"]);
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
  const { reference, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-signal",
    lastResult,
    defaultValue: { receivedOn: today, channel: "email", referredBy: "direct", procedure: "unknown", funding: "unknown" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: intakeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="rd-section">
      <Paragraph>
        <TextLink to="/signalen">Terug naar signalen</TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw signaal</Heading>
      <Paragraph>Verplicht: datum, afkomstig van, regio, soort vraag, fase en een korte samenvatting. De rest kan later.</Paragraph>
      <AppForm form={form} submitLabel="Signaal vastleggen">
        <ClassificationFields fields={fields} reference={reference} />
        <ConfidentialFields fields={fields} />
      </AppForm>
    </section>
  );
}
