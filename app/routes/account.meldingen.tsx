import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup } from "~/components/choice-fields";
import { AppForm } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { preferencesSchema } from "~/domain/notification-kinds";
import { audit } from "~/models/audit.server";
import { notificationsEnabled, preferencesOf, setPreferences } from "~/models/notifications.server";
import { requireUser } from "~/auth/guard.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "E-mailmeldingen · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "any");
  return { choices: preferencesOf(user), enabled: notificationsEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "any");
  const { submission } = await readForm(request, preferencesSchema);
  if (submission.status !== "success") return data({ result: replyWithError(submission) }, { status: 400 });
  const kinds = setPreferences(user, submission.value.kinds);
  audit(actorOf(user, context), "auth.notifications_chosen", { type: "user", id: user.id }, { kinds });
  return redirectWithFlash("/account/meldingen", "Uw keuze voor e-mailmeldingen is opgeslagen.");
}

export default function NotificationPreferencesPage() {
  const { choices, enabled } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "meldingen",
    lastResult: answer?.result,
    defaultValue: { kinds: choices.filter((c) => c.chosen).map((c) => c.kind) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
  });
  return (
    <section className="rd-section">
      <Heading level={1}>E-mailmeldingen</Heading>
      <Paragraph>
        Kies waarover u een e-mail krijgt. Zo'n e-mail zegt alleen dat er iets is gebeurd en geeft een link naar de pagina in
        Rode Draad; wat er staat leest u pas na inloggen. Namen, regio's, samenvattingen en berichten staan er nooit in.
      </Paragraph>
      {enabled ? null : (
        <Alert type="info" title="E-mail staat uit">
          <p className="utrecht-paragraph">
            Op deze server is geen mailserver ingesteld (<code>SMTP_URL</code>). Uw keuze wordt bewaard, maar er worden geen
            e-mails verstuurd.
          </p>
        </Alert>
      )}
      <AppForm form={form} submitLabel="Keuze opslaan">
        <CheckboxGroup field={fields.kinds} legend="Stuur mij een e-mail bij" options={choices.map((c) => ({ value: c.kind, label: c.label }))} />
      </AppForm>
      <Paragraph>
        <TextLink to="/account/sessies">Terug naar Mijn sessies</TextLink>
      </Paragraph>
    </section>
  );
}
