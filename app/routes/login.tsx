import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AppForm, TextField } from "~/components/form";
import { Heading, Paragraph } from "~/components/ui/text";
import { audit } from "~/models/audit.server";
import { loginLockedMessage, throttledCheck } from "~/models/login-throttle.server";
import { findLoginCandidate, type StaffUser } from "~/models/user.server";
import { InvalidCredentialsError, authenticator } from "~/auth/authenticator.server";
import { freshCsrfToken } from "~/utils/csrf.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { currentUser, landingPath, SECOND_FACTOR_CODE_PATH } from "~/auth/guard.server";
import { actorOf, safeRedirect } from "~/utils/request.server";
import { createSession } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Inloggen · Rode Draad" }];

const schema = z.object({
  email: z.string({ required_error: "Vul uw e-mailadres in." }).trim().max(254, "Dit e-mailadres is te lang."),
  password: z.string({ required_error: "Vul uw wachtwoord in." }).max(256, "Dit wachtwoord is te lang."),
  redirectTo: z.string().optional(),
});

const WRONG = "E-mailadres of wachtwoord klopt niet.";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await readForm(request.clone(), schema);
  if (submission.status !== "success") return data(replyWithError(submission), { status: 400 });
  const { email, redirectTo } = submission.value;
  const actor = actorOf(null, context);

  const outcome = await throttledCheck(email, actor.clientAddress, () => checkPassword(request));
  if (outcome.status === "locked") {
    audit(actor, "auth.login_refused");
    return data(submission.reply({ formErrors: [loginLockedMessage()], hideFields: ["password"] }), { status: 429 });
  }
  if (outcome.status === "failed") {
    const known = findLoginCandidate(email);
    audit(actor, "auth.login_failed", known ? { type: "user", id: known.user.id } : null);
    return data(submission.reply({ formErrors: [WRONG], hideFields: ["password"] }), { status: 401 });
  }
  const user = outcome.value;
  const secondFactorPending = user.secondFactor;
  if (!secondFactorPending) audit(actorOf(user, context), "auth.login", { type: "user", id: user.id });
  const headers = new Headers();
  const meta = { clientAddress: actor.clientAddress, userAgent: request.headers.get("User-Agent") };
  headers.append("Set-Cookie", await createSession(user.id, meta, { secondFactorPending }));
  headers.append("Set-Cookie", (await freshCsrfToken()).setCookie);
  const wanted = safeRedirect(redirectTo);
  if (secondFactorPending) {
    const query = wanted === "/" ? "" : `?redirectTo=${encodeURIComponent(wanted)}`;
    return redirect(`${SECOND_FACTOR_CODE_PATH}${query}`, { headers });
  }
  return redirect(landingPath(user, wanted), { headers });
}

/** The user whose password this is, or undefined for wrong credentials. */
async function checkPassword(request: Request): Promise<StaffUser | undefined> {
  try {
    return await authenticator.authenticate("password", request);
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return undefined;
    throw error;
  }
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Inloggen</Heading>
      <Paragraph>Voor medewerkers van de intermediair. Wilt u een signaal melden? Daarvoor heeft u geen account nodig.</Paragraph>
      <AppForm form={form} submitLabel="Inloggen">
        <input type="hidden" name={fields.redirectTo.name} value={fields.redirectTo.initialValue ?? ""} />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" />
        <TextField field={fields.password} label="Wachtwoord" type="password" autoComplete="current-password" />
      </AppForm>
    </section>
  );
}
