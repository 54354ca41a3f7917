import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxGroup } from "~/components/choice-fields";
import { ActionButton, AppForm, TextField, resultFor } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { ROLE_OPTIONS } from "~/domain/roles";
import { staffDetailsSchema, temporaryPasswordSchema } from "~/domain/staff-forms";
import { setTemporaryPassword, setUserDisabled, updateStaffUser } from "~/models/account.server";
import { getUser } from "~/models/user.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFound } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";
import { audit } from "~/models/audit.server";
import { resetSecondFactor } from "~/models/second-factor.server";
import { renewSession } from "~/auth/session.server";
import { endSessionsOfUser } from "~/models/session.server";

export const meta: MetaFunction = () => [{ title: "Gebruiker bewerken · Rode Draad" }];

function userFromParams(id: string | undefined) {
  const user = /^\d+$/.test(id ?? "") ? getUser(Number(id)) : undefined;
  if (!user) notFound("Deze gebruiker");
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  return { user: userFromParams(params.id) };
}

const INTENTS = {
  details: staffDetailsSchema.extend({ intent: z.literal("details") }),
  password: temporaryPasswordSchema.extend({ intent: z.literal("password") }),
  status: z.object({ intent: z.literal("status"), disabled: z.enum(["true", "false"]) }),
  sessions: z.object({ intent: z.literal("sessions") }),
  secondFactor: z.object({ intent: z.literal("second-factor") }),
};
const actionSchema = z.discriminatedUnion("intent", [INTENTS.details, INTENTS.password, INTENTS.status, INTENTS.sessions, INTENTS.secondFactor]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "user.manage");
  const user = userFromParams(params.id);
  const actor = actorOf(admin, context);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  const back = `/beheer/gebruikers/${user.id}`;
  try {
    if (value.intent === "details") {
      const rolesChanged = updateStaffUser(user.id, value, actor);
      // Someone else's sessions end on a change of roles; one's own moves to a fresh id so the editing can go on.
      const headers = new Headers();
      if (rolesChanged && user.id === admin.id) headers.append("Set-Cookie", await renewSession(admin.sessionHash));
      return redirectWithFlash(back, "De gegevens zijn opgeslagen.", headers);
    }
    if (value.intent === "second-factor") {
      resetSecondFactor(user.id, actor);
      return redirectWithFlash(back, "De tweestapsverificatie is gereset en alle sessies van deze gebruiker zijn beëindigd.");
    }
    if (value.intent === "password") {
      await setTemporaryPassword(user.id, value.temporaryPassword, actor);
      return redirectWithFlash(back, "Het tijdelijke wachtwoord is ingesteld; bestaande sessies van deze gebruiker zijn beëindigd.");
    }
    if (value.intent === "sessions") {
      endSessionsOfUser(user.id);
      audit(actor, "auth.sessions_ended", { type: "user", id: user.id }, { scope: "all" });
      return redirectWithFlash(back, "Alle sessies van deze gebruiker zijn beëindigd.");
    }
    const disabled = value.disabled === "true";
    setUserDisabled(user.id, disabled, actor);
    return redirectWithFlash(back, disabled ? "Het account is uitgeschakeld en uitgelogd." : "Het account is weer actief.");
  } catch (error) {
    return refuse(error);
  }
}

export default function EditUserPage() {
  const { user } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [detailsForm, details] = useForm({
    id: "user-details",
    lastResult: resultFor(answer, "details"),
    defaultValue: { name: user.name, email: user.email, roles: user.roles },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: INTENTS.details }),
    shouldValidate: "onBlur",
  });
  const [passwordForm, password] = useForm({
    id: "user-password",
    lastResult: resultFor(answer, "password"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: INTENTS.password }),
    shouldValidate: "onBlur",
  });
  const statusError = answer?.intent === "status" ? answer.result.error?.[""]?.[0] : undefined;
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/beheer/gebruikers">Terug naar gebruikers</TextLink>
        </Paragraph>
        <Heading level={1}>{user.name}</Heading>
        <Paragraph>
          Status: {user.disabled ? "uitgeschakeld" : "actief"}
          {user.mustChangePassword ? " · moet het tijdelijke wachtwoord nog wijzigen" : ""}
        </Paragraph>
      </section>
      <section className="rd-section" aria-labelledby="details-heading">
        <Heading level={2} id="details-heading">
          Gegevens en rollen
        </Heading>
        <AppForm form={detailsForm} submitLabel="Gegevens opslaan">
          <input type="hidden" name="intent" value="details" />
          <TextField field={details.name} label="Naam" autoComplete="off" />
          <TextField field={details.email} label="E-mailadres" type="email" autoComplete="off" />
          <CheckboxGroup field={details.roles} legend="Rollen" options={ROLE_OPTIONS} />
        </AppForm>
      </section>
      <section className="rd-section" aria-labelledby="password-heading">
        <Heading level={2} id="password-heading">
          Tijdelijk wachtwoord
        </Heading>
        <Paragraph>Voor wie het wachtwoord kwijt is. De gebruiker wordt overal uitgelogd en moet bij de volgende keer inloggen een eigen wachtwoord kiezen.</Paragraph>
        <AppForm form={passwordForm} submitLabel="Tijdelijk wachtwoord instellen">
          <input type="hidden" name="intent" value="password" />
          <TextField field={password.temporaryPassword} label="Nieuw tijdelijk wachtwoord" type="password" autoComplete="new-password" />
        </AppForm>
      </section>
      <section className="rd-section" aria-labelledby="second-factor-heading">
        <Heading level={2} id="second-factor-heading">
          Tweestapsverificatie
        </Heading>
        <Paragraph>
          {user.secondFactor
            ? "Ingesteld. Na een reset (bijvoorbeeld bij een verloren telefoon) stelt de gebruiker bij de volgende keer inloggen een nieuwe in; oude codes en herstelcodes werken dan niet meer."
            : "Niet ingesteld."}
        </Paragraph>
        {user.secondFactor ? (
          <ActionButton
            intent="second-factor"
            label="Tweestapsverificatie resetten"
            danger
            confirmText={`Weet u zeker dat u de tweestapsverificatie van ${user.name} wilt resetten? De gebruiker wordt overal uitgelogd.`}
          />
        ) : null}
      </section>
      <section className="rd-section" aria-labelledby="sessions-heading">
        <Heading level={2} id="sessions-heading">
          Sessies
        </Heading>
        <Paragraph>Logt de gebruiker overal uit, bijvoorbeeld na verlies van een laptop.</Paragraph>
        <ActionButton intent="sessions" label="Alle sessies beëindigen" />
      </section>
      <section className="rd-section" aria-labelledby="status-heading">
        <Heading level={2} id="status-heading">
          Account {user.disabled ? "inschakelen" : "uitschakelen"}
        </Heading>
        {statusError ? <Alert type="error">{statusError}</Alert> : null}
        <Paragraph>
          {user.disabled
            ? "Na inschakelen kan de gebruiker weer inloggen."
            : "Een uitgeschakeld account kan niet meer inloggen; lopende sessies worden direct beëindigd. Gegevens blijven bewaard."}
        </Paragraph>
        <ActionButton
          intent="status"
          label={user.disabled ? "Account inschakelen" : "Account uitschakelen"}
          danger={!user.disabled}
          confirmText={user.disabled ? undefined : `Weet u zeker dat u het account van ${user.name} wilt uitschakelen?`}
        >
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        </ActionButton>
      </section>
    </>
  );
}
