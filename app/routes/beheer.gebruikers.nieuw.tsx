import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CheckboxGroup } from "~/components/choice-fields";
import { AppForm, TextField } from "~/components/form";
import { Heading, Paragraph } from "~/components/ui/text";
import { ROLE_OPTIONS } from "~/domain/roles";
import { newStaffSchema } from "~/domain/staff-forms";
import { createStaffUser } from "~/models/account.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Nieuwe gebruiker · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "user.manage");
  const { submission } = await readForm(request, newStaffSchema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    const id = await createStaffUser(submission.value, actorOf(admin, context));
    return redirectWithFlash(`/beheer/gebruikers/${id}`, "Het account is aangemaakt. Geef het tijdelijke wachtwoord veilig door.");
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
}

export default function NewUserPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newStaffSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Nieuwe gebruiker</Heading>
      <Paragraph>De gebruiker moet het tijdelijke wachtwoord bij de eerste keer inloggen vervangen door een eigen wachtwoord.</Paragraph>
      <AppForm form={form} submitLabel="Account aanmaken">
        <TextField field={fields.name} label="Naam" autoComplete="off" />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="off" />
        <CheckboxGroup field={fields.roles} legend="Rollen" description="Een gebruiker kan meer rollen hebben." options={ROLE_OPTIONS} />
        <TextField
          field={fields.temporaryPassword}
          label="Tijdelijk wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens. Geef het via een ander kanaal door dan het e-mailadres."
        />
      </AppForm>
    </section>
  );
}
