import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton } from "~/components/form";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { audit } from "~/models/audit.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";
import { endOwnSession, endSessionsOfUser, sessionsOf } from "~/models/session.server";
import { formatDateTime } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Mijn sessies · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "any");
  return { sessions: sessionsOf(user.id, user.sessionHash), secondFactor: user.secondFactor };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), session: z.string().regex(/^[0-9a-f]{16}$/) }),
  z.object({ intent: z.literal("others") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "any");
  const { submission } = await readForm(request, schema);
  if (submission.status !== "success") return data({ error: "Kies een sessie." }, { status: 400 });
  const actor = actorOf(user, context);
  if (submission.value.intent === "others") {
    endSessionsOfUser(user.id, user.sessionHash);
    audit(actor, "auth.sessions_ended", { type: "user", id: user.id }, { scope: "others" });
    return redirectWithFlash("/account/sessies", "Alle andere sessies zijn beëindigd.");
  }
  if (endOwnSession(user.id, submission.value.session)) audit(actor, "auth.sessions_ended", { type: "user", id: user.id }, { scope: "one" });
  return redirectWithFlash("/account/sessies", "De sessie is beëindigd.");
}

export default function SessionsPage() {
  const { sessions, secondFactor } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Mijn sessies</Heading>
      <Paragraph>Waar u nu bent ingelogd. Herkent u een sessie niet? Beëindig die en wijzig uw wachtwoord.</Paragraph>
      <DataTable
        caption="Actieve sessies"
        rows={sessions}
        rowKey={(s) => s.id}
        empty={<Paragraph>Geen actieve sessies.</Paragraph>}
        columns={[
          { header: "Sessie", rowHeader: true, cell: (s) => (s.current ? "Deze sessie" : s.userAgent?.slice(0, 60) ?? "Onbekende browser") },
          { header: "Ingelogd", cell: (s) => formatDateTime(s.createdAt) },
          { header: "Laatst actief", cell: (s) => formatDateTime(s.lastSeenAt) },
          { header: "Adres", cell: (s) => s.clientAddress ?? "" },
          {
            header: "Beëindigen",
            cell: (s) =>
              s.current ? (
                "—"
              ) : (
                <ActionButton intent="end" label="Beëindigen" ariaLabel={`Sessie van ${formatDateTime(s.createdAt)} beëindigen`}>
                  <input type="hidden" name="session" value={s.id} />
                </ActionButton>
              ),
          },
        ]}
      />
      {sessions.length > 1 ? <ActionButton intent="others" label="Alle andere sessies beëindigen" /> : null}
      <Heading level={2}>E-mailmeldingen</Heading>
      <Paragraph>
        <TextLink to="/account/meldingen">Kies waarover u een e-mail krijgt</TextLink>, bijvoorbeeld bij een nieuw signaal of een traject
        dat herbeoordeling nodig heeft.
      </Paragraph>
      <Heading level={2}>Tweestapsverificatie</Heading>
      <Paragraph>
        <TextLink to="/account/tweede-stap">Tweestapsverificatie {secondFactor ? "bekijken" : "instellen"}</TextLink>: na uw wachtwoord een code uit
        een app op uw telefoon, zodat een uitgelekt wachtwoord alleen niet genoeg is.
      </Paragraph>
    </section>
  );
}
