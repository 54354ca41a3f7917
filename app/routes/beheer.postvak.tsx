import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton } from "~/components/form";
import { RefusalAlert } from "~/components/upload-form";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { formatDateTime } from "~/domain/dates-nl";
import { DomainError } from "~/domain/errors";
import { can } from "~/domain/permissions";
import { mailboxConfigured, mailboxStatus, runMailbox } from "~/models/mailbox.server";
import { requireUser } from "~/auth/guard.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Postvak · Rode Draad" }];

const PATH = "/beheer/postvak";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "mailbox.oversee");
  return { ...mailboxStatus(), readsSignals: can(user.roles, "signal.read") };
}

const schema = z.object({ intent: z.literal("fetch") });

/**
 * "Nu ophalen" waits for the run (a mailbox run is seconds), so the page shows its outcome right after; a run already
 * going (the timer's) is joined rather than refused, so the click always ends in an outcome.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, "mailbox.oversee");
  const { submission } = await readForm(request, schema);
  if (submission.status !== "success") return data({ result: replyWithError(submission) }, { status: 400 });
  try {
    if (!mailboxConfigured()) throw new DomainError("MAILBOX.OFF", "Het postvak staat uit: IMAP_URL, IMAP_USER en IMAP_PASSWORD zijn niet alle drie ingesteld.");
    const run = await runMailbox({ trigger: "manual" });
    return redirectWithFlash(PATH, run.ok ? `Opgehaald: ${run.created} nieuwe ${run.created === 1 ? "signaal" : "signalen"}.` : `Ophalen mislukt (${run.errorClass}).`);
  } catch (error) {
    return data({ result: replyWithError(submission, error) }, { status: 400 });
  }
}

export default function MailboxPage() {
  const { configured, busy, lastRun, lastOkAt, waiting, readsSignals } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <section className="rd-section">
      <Heading level={1}>Postvak</Heading>
      <Paragraph>
        Elk nieuw bericht in de inbox van het postvak wordt een signaal &lsquo;te classificeren&rsquo;, met het bericht en zijn toegestane bijlagen.
        Daarna wordt het bericht verplaatst naar de map voor verwerkte berichten. Deze pagina toont nooit onderwerpen, adressen of inhoud.
      </Paragraph>
      <RefusalAlert result={answer?.result} />
      {configured ? (
        <Alert type="info">
          <p className="utrecht-paragraph">Het postvak staat aan{busy ? " en wordt nu opgehaald" : ""}.</p>
        </Alert>
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            Het postvak staat uit: <code>IMAP_URL</code>, <code>IMAP_USER</code> en <code>IMAP_PASSWORD</code> zijn niet alle drie ingesteld. Rode
            Draad maakt dan geen verbinding.
          </p>
        </Alert>
      )}
      {configured ? <ActionButton intent="fetch" label="Nu ophalen" /> : null}
      <Heading level={2}>Laatste keer ophalen</Heading>
      {lastRun ? (
        <dl className="rd-facts" data-testid="mailbox-last-run">
          <dt>Wanneer</dt>
          <dd>
            {formatDateTime(lastRun.at)} ({lastRun.trigger === "manual" ? "met de hand" : "volgens schema"})
          </dd>
          <dt>Uitkomst</dt>
          <dd data-testid="mailbox-outcome">{lastRun.ok ? "Gelukt" : `Mislukt: ${lastRun.errorClass}`}</dd>
          <dt>Berichten gelezen</dt>
          <dd>{lastRun.read}</dd>
          <dt>Nieuwe signalen</dt>
          <dd data-testid="mailbox-created">{lastRun.created}</dd>
          <dt>Verplaatst naar verwerkt</dt>
          <dd>{lastRun.moved}</dd>
          <dt>Al eerder verwerkt (alleen verplaatst)</dt>
          <dd>{lastRun.known}</dd>
          <dt>Onleesbaar (blijven in de inbox)</dt>
          <dd>{lastRun.unreadable}</dd>
          <dt>Laatst gelukt</dt>
          <dd>{lastOkAt ? formatDateTime(lastOkAt) : "nog nooit"}</dd>
        </dl>
      ) : (
        <Paragraph>Nog niet opgehaald.</Paragraph>
      )}
      <Paragraph>
        Te classificeren uit het postvak: <strong data-testid="mailbox-waiting">{waiting}</strong>
        {readsSignals && waiting > 0 ? (
          <>
            {" "}
            · <TextLink to="/signalen?unclassified=yes">Naar de signalen om te classificeren</TextLink>
          </>
        ) : null}
      </Paragraph>
    </section>
  );
}
