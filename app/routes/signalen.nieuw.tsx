import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Fold } from "~/components/fold";
import { AppForm, resultFor } from "~/components/form";
import { MailSource } from "~/components/mail-source";
import { ConfidentialFields, EssentialClassificationFields, FOLDED_INTAKE_FIELDS, FurtherClassificationFields, SummaryField } from "~/components/signal-fields";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { intakeSchema } from "~/domain/signal-form";
import { uploadSchema } from "~/domain/upload-form";
import { createSignalFromMail, mailDraft, stageMail } from "~/models/mail-intake.server";
import { createSignal, lastIntakeChannel } from "~/models/signal.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuw signaal · Rode Draad" }];

const MAIL = uploadSchema("Kies een e-mailbestand (.eml of .msg).");
const SAVE = intakeSchema.extend({ intent: z.literal("save"), mailUpload: z.coerce.number().int().positive().optional() });
// The intake without an intent is a save: that is how it was posted before it took e-mails.
const schema = z.preprocess((value) => ({ intent: "save", ...(value as object) }), z.discriminatedUnion("intent", [MAIL, SAVE]));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const mailParam = new URL(request.url).searchParams.get("mail");
  const mailId = mailParam === null ? null : recordOr404(mailParam, "Deze e-mail");
  const mail = mailId === null ? undefined : ((await mailDraft(mailId, user.id)) ?? notFound("Deze e-mail"));
  return {
    reference: regionAndMunicipalityOptions(),
    today: todayInTheNetherlands(),
    channel: lastIntakeChannel(user.id),
    mail: mail && mailId !== null ? { id: mailId, draft: mail.draft, attachmentNames: mail.attachmentNames } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const { submission, refuse } = await readIntentForm(request, schema);
  if (submission.status !== "success") return refuse();
  const actor = { ...actorOf(user, context), userId: user.id };
  const value = submission.value;
  try {
    if (value.intent === "upload") return redirect(`/signalen/nieuw?mail=${await stageMail(new Uint8Array(await value.file.arrayBuffer()), actor)}`);
    const id = value.mailUpload ? createSignalFromMail(value, value.mailUpload, actor) : createSignal(value, actor);
    return redirectWithFlash(`/signalen/${id}`, "Het signaal is vastgelegd.");
  } catch (error) {
    return refuse(error);
  }
}

export default function NewSignalPage() {
  const { reference, today, channel, mail } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const lastResult = resultFor(answer, "save");
  const [form, fields] = useForm({
    // A new e-mail is a new draft: the form starts again from what it says.
    id: mail ? `new-signal-mail-${mail.id}` : "new-signal",
    lastResult,
    defaultValue: { receivedOn: today, channel, referredBy: "direct", procedure: "unknown", funding: "unknown", ...mail?.draft },
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
      <MailSource mail={mail} schema={MAIL} lastResult={resultFor(answer, "upload")} />
      <Paragraph>Eerst wat een telefoontje oplevert; de rest staat onder &lsquo;Meer gegevens&rsquo; en kan ook later.</Paragraph>
      <AppForm form={form} submitLabel="Signaal vastleggen">
        <input type="hidden" name="intent" value="save" />
        {mail ? <input type="hidden" name="mailUpload" value={mail.id} /> : null}
        <EssentialClassificationFields fields={fields} reference={reference} focusRequester={!lastResult && !mail} />
        <SummaryField field={fields.summary} />
        <Fold summary="Meer gegevens (niet verplicht): herkomst, aanleidingen, toelichting en melder" open={foldedError || Boolean(mail)}>
          <FurtherClassificationFields fields={fields} />
          <ConfidentialFields fields={fields} />
        </Fold>
      </AppForm>
    </section>
  );
}
