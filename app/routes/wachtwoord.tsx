import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, TextField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph } from "~/components/ui/text";
import { newPasswordField } from "~/domain/password-rules";
import { changeOwnPassword } from "~/models/account.server";
import { LoginLockedError } from "~/models/login-throttle.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { landingPath, requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Wachtwoord wijzigen · Rode Draad" }];

const schema = z
  .object({
    currentPassword: z.string({ required_error: "Vul uw huidige wachtwoord in." }),
    newPassword: newPasswordField,
    confirmPassword: z.string({ required_error: "Herhaal het nieuwe wachtwoord." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "De wachtwoorden zijn niet gelijk.", path: ["confirmPassword"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "any", { passwordChangePage: true });
  return { mustChange: user.mustChangePassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "any", { passwordChangePage: true });
  const { submission } = await readForm(request, schema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    await changeOwnPassword(user, submission.value, actorOf(user, context));
  } catch (error) {
    return data(replyWithError(submission, error), { status: error instanceof LoginLockedError ? 429 : 400 });
  }
  return redirectWithFlash(landingPath({ ...user, mustChangePassword: false }), "Uw wachtwoord is gewijzigd.");
}

export default function ChangePasswordPage() {
  const { mustChange } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Wachtwoord wijzigen</Heading>
      {mustChange ? (
        <Alert type="info">U bent ingelogd met een tijdelijk wachtwoord. Kies eerst een eigen wachtwoord.</Alert>
      ) : null}
      <Paragraph>Minstens 12 tekens. Na het wijzigen wordt u op andere apparaten uitgelogd.</Paragraph>
      <AppForm form={form} submitLabel="Wachtwoord opslaan">
        <TextField field={fields.currentPassword} label="Huidig wachtwoord" type="password" autoComplete="current-password" />
        <TextField field={fields.newPassword} label="Nieuw wachtwoord" type="password" autoComplete="new-password" />
        <TextField field={fields.confirmPassword} label="Herhaal het nieuwe wachtwoord" type="password" autoComplete="new-password" />
      </AppForm>
    </section>
  );
}
