import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Conversation } from "~/components/conversation";
import { CsrfField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { followUpSchema } from "~/domain/portal-form";
import { formatDate } from "~/domain/dates-nl";
import type { SignalStatus } from "~/domain/signal-codes";
import { addReporterMessage, reporterView } from "~/models/portal.server";
import { isLimited, recordHit } from "~/models/rate-limit.server";
import { env } from "~/utils/env.server";
import { readForm } from "~/utils/form.server";
import { normaliseReceiptCode } from "~/utils/receipt.server";

export const meta: MetaFunction = () => [{ title: "Melding volgen · Rode Draad" }];

/** What a reporter reads: the status in plain words, never the internal workflow. */
const REPORTER_STATUS: Record<SignalStatus, string> = {
  new: "Ontvangen",
  in_progress: "In behandeling",
  answered: "Beantwoord",
  closed: "Afgerond",
  in_trajectory: "In behandeling",
};

const WRONG = "Met deze code vinden we geen melding. Controleer de code en probeer het opnieuw.";

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await readForm(request, followUpSchema);
  const { RECEIPT_MAX_FAILURES, RECEIPT_LOCK_MINUTES } = env();
  if (isLimited("receipt-failure", context.clientAddress, RECEIPT_MAX_FAILURES, RECEIPT_LOCK_MINUTES)) {
    return data({ error: `Te veel onjuiste codes. Probeer het over ${RECEIPT_LOCK_MINUTES} minuten opnieuw.`, view: null, code: "", sent: false }, { status: 429 });
  }
  if (submission.status !== "success") return data({ error: "Vul uw ontvangstcode in.", view: null, code: "", sent: false }, { status: 400 });
  const digits = normaliseReceiptCode(submission.value.code);
  const view = digits ? reporterView(digits) : undefined;
  if (!digits || !view) {
    recordHit("receipt-failure", context.clientAddress);
    return data({ error: WRONG, view: null, code: "", sent: false }, { status: 400 });
  }
  const message = submission.value.message;
  if (message) addReporterMessage(digits, message);
  return { error: null, view: message ? reporterView(digits) : view, code: submission.value.code, sent: Boolean(message) };
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
                <textarea id="reporter-message" name="message" rows={6} maxLength={10000} required className="utrecht-textarea utrecht-textarea--html-textarea" />
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
