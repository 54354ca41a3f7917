import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Conversation } from "~/components/conversation";
import { CsrfField } from "~/components/form";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { followUpSchema } from "~/domain/portal-form";
import { formatDate } from "~/domain/dates-nl";
import type { SignalStatus } from "~/domain/signal-codes";
import { addReporterMessage, reporterView } from "~/models/portal.server";
import { isDatabaseBusy } from "~/utils/database-busy.server";
import { env } from "~/utils/env.server";
import { readForm } from "~/utils/form.server";
import { portalLimits, takePortalPost } from "~/utils/portal-limits.server";
import { isLimited, recordHit, take } from "~/utils/rate-limit.server";
import { normaliseReceiptCode, receiptHash } from "~/utils/receipt.server";

export const meta: MetaFunction = () => [{ title: "Melding volgen · Rode Draad" }];

/** Works as a plain HTML form; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

/** What a reporter reads: the status in plain words, never the internal workflow. */
const REPORTER_STATUS: Record<SignalStatus, string> = {
  new: "Ontvangen",
  in_progress: "In behandeling",
  answered: "Beantwoord",
  closed: "Afgerond",
  in_trajectory: "In behandeling",
};

const WRONG = "Met deze code vinden we geen melding. Controleer de code en probeer het opnieuw.";

/** Nothing was stored: the typed message comes back with this, never lost to a busy database. */
const BUSY = "Het is op dit moment te druk om uw bericht op te slaan. Er is nog niets verstuurd; uw tekst staat hieronder nog. Probeer het over een minuut opnieuw.";

const TOO_MANY_MESSAGES = "Te veel berichten vanaf dit adres of bij deze melding. Wacht een uur en verstuur het dan opnieuw; uw tekst staat hieronder nog.";

export async function action({ request, context }: ActionFunctionArgs) {
  const address = context.clientAddress;
  takePortalPost(address);
  const { submission } = await readForm(request, followUpSchema);
  // Checked after reading, in the same synchronous step as the lookup and the count: parallel guesses cannot all pass.
  if (isLimited(portalLimits.wrongCodes(address))) {
    const minutes = env().RECEIPT_LOCK_MINUTES;
    return data({ error: `Te veel onjuiste codes. Probeer het over ${minutes} minuten opnieuw.`, view: null, code: "", sent: false, message: "" }, { status: 429 });
  }
  if (submission.status !== "success") return data({ error: "Vul uw ontvangstcode in.", view: null, code: "", sent: false, message: "" }, { status: 400 });
  const digits = normaliseReceiptCode(submission.value.code);
  const view = digits ? reporterView(digits) : undefined;
  if (!digits || !view) {
    recordHit(portalLimits.wrongCodes(address));
    return data({ error: WRONG, view: null, code: "", sent: false, message: "" }, { status: 400 });
  }
  const { code, message } = submission.value;
  if (!message) return { error: null, view, code, sent: false, message: "" };
  const taken = take([portalLimits.messagesFrom(address), portalLimits.messagesFor(receiptHash(digits))]);
  if (!taken) return data({ error: TOO_MANY_MESSAGES, view, code, sent: false, message }, { status: 429 });
  try {
    addReporterMessage(digits, message);
  } catch (error) {
    taken.giveBack();
    if (isDatabaseBusy(error)) return data({ error: BUSY, view, code, sent: false, message }, { status: 503 });
    throw error;
  }
  return { error: null, view: reporterView(digits) ?? view, code, sent: true, message: "" };
}

export default function FollowUpPage() {
  const answer = useActionData<typeof action>();
  const view = answer?.view;
  return (
    <section className="rd-section">
      <Heading level={1}>Melding volgen</Heading>
      {answer?.error ? <Alert type="error">{answer.error}</Alert> : null}
      {!view ? (
        <>
          <Paragraph>Vul de ontvangstcode in die u kreeg bij het melden. Spaties en streepjes mogen.</Paragraph>
          <Form method="post" className="utrecht-form rd-form">
            <CsrfField />
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="receipt-code">
                  Ontvangstcode
                </label>
              </div>
              <div className="utrecht-form-field__input">
                <input id="receipt-code" name="code" inputMode="numeric" autoComplete="off" className="utrecht-textbox utrecht-textbox--html-input" required />
              </div>
            </div>
            <div className="utrecht-button-group">
              <Button>Bekijk mijn melding</Button>
            </div>
          </Form>
          <Paragraph>
            Nog niets gemeld? <TextLink to="/melden">Een signaal melden</TextLink>.
          </Paragraph>
        </>
      ) : (
        <>
          {answer?.sent ? <Alert type="ok">Uw bericht is verstuurd naar de intermediair.</Alert> : null}
          <Paragraph>
            Ontvangen op {formatDate(view.receivedOn)}. Status: <strong>{REPORTER_STATUS[view.status]}</strong>
          </Paragraph>
          <section className="rd-section rd-confidential" aria-labelledby="own-report-heading">
            <Heading level={2} id="own-report-heading">
              Uw melding
            </Heading>
            {view.report ? <p className="utrecht-paragraph rd-pre">{view.report}</p> : <Paragraph>De tekst is na de bewaartermijn verwijderd.</Paragraph>}
          </section>
          <Heading level={2}>Berichten</Heading>
          <Conversation messages={view.messages} names={{ reporter: "U", intermediary: "De intermediair" }} empty="Nog geen berichten. De intermediair reageert hier." />
          <Form method="post" className="utrecht-form rd-form">
            <CsrfField />
            <input type="hidden" name="code" value={answer?.code ?? ""} />
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="reporter-message">
                  Bericht aan de intermediair
                </label>
              </div>
              <div className="utrecht-form-field__input">
                {/* A new key after each sent message empties the field; a refused message stays as typed. */}
                <textarea
                  key={view.messages.length}
                  id="reporter-message"
                  name="message"
                  rows={6}
                  maxLength={10000}
                  required
                  defaultValue={answer?.message ?? ""}
                  className="utrecht-textarea utrecht-textarea--html-textarea"
                />
              </div>
            </div>
            <div className="utrecht-button-group">
              <Button>Bericht versturen</Button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
