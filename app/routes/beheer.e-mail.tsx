import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph } from "~/components/ui/text";
import { formatDateTime } from "~/domain/dates-nl";
import { NOTIFICATION_KIND_INFO, type OutboxKind } from "~/domain/notification-kinds";
import { outboxStatus } from "~/models/notification-outbox.server";
import { requireUser } from "~/auth/guard.server";
import { smtpState } from "~/utils/mailer.server";

export const meta: MetaFunction = () => [{ title: "E-mail · Rode Draad" }];

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "notification.oversee");
  const { pending, ...counts } = outboxStatus();
  const smtp = smtpState();
  return {
    counts,
    smtp: { state: smtp.state, since: "since" in smtp ? iso(smtp.since) : null, errorClass: "errorClass" in smtp ? smtp.errorClass : null },
    pending: pending.map((p) => ({ ...p, createdAt: iso(p.createdAt)!, nextAttemptAt: iso(p.nextAttemptAt)!, failedAt: iso(p.failedAt) })),
  };
}

const SMTP_STATES: Record<string, string> = {
  off: "Uit: er is geen mailserver ingesteld (SMTP_URL), er worden geen e-mailmeldingen gemaakt",
  unknown: "Ingesteld, nog niet gesproken",
  ok: "Bereikbaar",
  failing: "Niet bereikbaar of weigert",
};

function kindLabel(kind: OutboxKind): string {
  return kind === "reporter_answer" ? "Melder: er is een antwoord" : NOTIFICATION_KIND_INFO[kind].label;
}

export default function MailStatusPage() {
  const { counts, smtp, pending } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>E-mail</Heading>
      <Paragraph>
        Mailserver: <strong data-testid="smtp-state">{SMTP_STATES[smtp.state]}</strong>
        {smtp.since ? ` sinds ${formatDateTime(smtp.since)}` : ""}
        {smtp.errorClass ? ` (fout ${smtp.errorClass})` : ""}.
      </Paragraph>
      <Paragraph>
        In de wachtrij: <strong data-testid="outbox-queued">{counts.queued}</strong>, verstuurd (laatste 30 dagen): {counts.sent}, opgegeven:{" "}
        {counts.failed}. Een mislukte poging wordt later opnieuw geprobeerd, steeds iets langer wachtend (tot 6 uur); na 12 pogingen of een
        definitieve weigering wordt het opgegeven.
      </Paragraph>
      <DataTable
        caption="Niet verstuurd"
        rows={pending}
        rowKey={(p) => p.id}
        empty={<Paragraph>Alles is verstuurd.</Paragraph>}
        columns={[
          { header: "Melding", rowHeader: true, cell: (p) => `${p.id}: ${kindLabel(p.kind)}` },
          { header: "Gemaakt", cell: (p) => formatDateTime(p.createdAt) },
          { header: "Pogingen", cell: (p) => String(p.attempts) },
          { header: "Volgende poging", cell: (p) => (p.failedAt ? `Opgegeven ${formatDateTime(p.failedAt)}` : formatDateTime(p.nextAttemptAt)) },
          { header: "Laatste fout", cell: (p) => p.lastErrorClass ?? "—" },
        ]}
      />
    </section>
  );
}
