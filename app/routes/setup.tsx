import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, TextField } from "~/components/form";
import { Heading, Paragraph } from "~/components/ui/text";
import { newPasswordField } from "~/domain/password-rules";
import { createFirstAccount } from "~/models/account.server";
import { isValidSetupToken, retireSetupToken } from "~/models/setup.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Eerste account · Rode Draad" }];

const schema = z
  .object({
    token: z.string(),
    name: z.string({ required_error: "Vul uw naam in." }).trim().min(2, "Vul uw naam in.").max(120),
    email: z.string({ required_error: "Vul uw e-mailadres in." }).trim().email("Vul een geldig e-mailadres in."),
    password: newPasswordField,
    confirmPassword: z.string({ required_error: "Herhaal het wachtwoord." }),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "De wachtwoorden zijn niet gelijk.", path: ["confirmPassword"] });

/** Without the printed token, or once an account exists, the page does not exist. */
function requireSetupToken(token: string | null | undefined): string {
  if (!token || !isValidSetupToken(token)) notFound();
  return token;
}

export function loader({ request }: LoaderFunctionArgs) {
  return { token: requireSetupToken(new URL(request.url).searchParams.get("token")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { formData, submission } = await readForm(request, schema);
  requireSetupToken(formData.get("token")?.toString());
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  try {
    await createFirstAccount(submission.value, actorOf(null, context));
  } catch (error) {
    return data(replyWithError(submission, error), { status: 400 });
  }
  retireSetupToken();
  return redirectWithFlash("/login", "Het eerste account is aangemaakt. Log in met uw e-mailadres en wachtwoord.");
}

export default function SetupPage() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "setup",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Eerste account aanmaken</Heading>
      <Paragraph>
        Dit account krijgt de rollen beheerder en intermediair. Daarna verdwijnt deze pagina; verdere accounts maakt u
        aan onder Gebruikers.
      </Paragraph>
      <AppForm form={form} submitLabel="Account aanmaken">
        <input type="hidden" name="token" value={token} />
        <TextField field={fields.name} label="Naam" autoComplete="name" />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" />
        <TextField
          field={fields.password}
          label="Wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden."
        />
        <TextField field={fields.confirmPassword} label="Herhaal het wachtwoord" type="password" autoComplete="new-password" />
      </AppForm>
    </section>
  );
}
