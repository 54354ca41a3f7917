import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AppForm, CsrfField, TextField } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Heading, Paragraph } from "~/components/ui/text";
import { audit } from "~/models/audit.server";
import { loginLockedMessage, throttledCheck } from "~/models/login-throttle.server";
import { verifySecondFactor } from "~/models/second-factor.server";
import { freshCsrfToken } from "~/utils/csrf.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { currentUser, landingPath, pendingSecondFactorUser } from "~/auth/guard.server";
import { actorOf, safeRedirect } from "~/utils/request.server";
import { renewSession } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Code invoeren · Rode Draad" }];

const schema = z.object({
  code: z.string({ required_error: "Vul de code uit uw app of een herstelcode in." }).trim().max(40, "Deze code is te lang."),
  redirectTo: z.string().optional(),
});

const WRONG = "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app, of gebruik een herstelcode.";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/");
  if (!(await pendingSecondFactorUser(request))) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await readForm(request, schema);
  const user = await pendingSecondFactorUser(request);
  if (!user) throw redirect("/login");
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  const actor = actorOf(user, context);
  const target = { type: "user", id: user.id };

  // The code counts against the same limits as the password: together they allow a handful of guesses per quarter.
  const outcome = await throttledCheck(user.email, actor.clientAddress, () => verifySecondFactor(user.id, submission.value.code, actor));
  if (outcome.status === "locked") {
    audit(actor, "auth.login_refused", target);
    return data(submission.reply({ formErrors: [loginLockedMessage()], hideFields: ["code"] }), { status: 429 });
  }
  if (outcome.status === "failed") {
    audit(actor, "auth.second_factor_failed", target);
    return data(submission.reply({ formErrors: [WRONG], hideFields: ["code"] }), { status: 401 });
  }
  const method = outcome.value;
  audit(actor, "auth.login", target, { secondFactor: method });
  const headers = new Headers();
  headers.append("Set-Cookie", await renewSession(user.sessionHash));
  headers.append("Set-Cookie", (await freshCsrfToken()).setCookie);
  return redirect(landingPath(user, safeRedirect(submission.value.redirectTo)), { headers });
}

export default function SecondFactorCodePage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "second-factor",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Code invoeren</Heading>
      <Paragraph>Uw wachtwoord klopt. Open de authenticator-app op uw telefoon en vul de code van zes cijfers in die bij Rode Draad staat.</Paragraph>
      <AppForm form={form} submitLabel="Doorgaan">
        <input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ""} />
        <TextField
          field={fields.code}
          label="Code"
          description="Telefoon niet bij de hand? Vul dan een van uw herstelcodes in, bijvoorbeeld ABCDE-FGHJK. Elke herstelcode werkt één keer."
          autoComplete="one-time-code"
        />
      </AppForm>
      <Form method="post" action="/logout" className="rd-inline-form">
        <CsrfField />
        <Button appearance="subtle">Inloggen afbreken</Button>
      </Form>
    </section>
  );
}
