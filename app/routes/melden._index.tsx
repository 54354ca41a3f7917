import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppForm, FieldGroup, SelectField, TextAreaField, TextField } from "~/components/form";
import { FileField } from "~/components/upload-form";
import { CheckboxField, RadioGroup } from "~/components/choice-fields";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { RegionMunicipalityFields } from "~/components/region-fields";
import { Alert } from "~/components/ui/alert";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { KEPT_FILE_LABELS } from "~/domain/file-type";
import { megabytes } from "~/domain/file-limits";
import { PORTAL_PHASES, PORTAL_REQUESTERS, PORTAL_TOPICS, portalSchemaFor } from "~/domain/portal-form";
import { fileLimits } from "~/utils/file-limits.server";
import { ASSOCIATION_LABELS, ASSOCIATIONS, optionsOf } from "~/domain/signal-codes";
import { notificationsEnabled } from "~/models/notifications.server";
import { receivePortalSignal } from "~/models/portal.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { isDatabaseBusy } from "~/utils/database-busy.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { portalLimits, takePortalPost } from "~/utils/portal-limits.server";
import { take } from "~/utils/rate-limit.server";
import { formatReceiptCode } from "~/utils/receipt.server";

/** Nothing was stored: the typed text comes back with this, never lost to a busy database. */
const BUSY = "Het is op dit moment te druk om uw melding op te slaan. Er is nog niets verstuurd; uw tekst staat hieronder nog. Probeer het over een minuut opnieuw.";

export const meta: MetaFunction = () => [{ title: "Een signaal melden · Rode Draad" }];

/** Works as a plain HTML form; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

/**
 * Requests whose action stored a report. Remix runs the loaders again after an action; the receipt that follows needs
 * no region and municipality lists (384 entries that would be encoded for nothing), so the loader skips them then.
 */
const answered = new WeakSet<AppLoadContext>();

export function loader({ context }: LoaderFunctionArgs) {
  return { reference: answered.has(context) ? null : regionAndMunicipalityOptions(), canNotify: notificationsEnabled(), limits: fileLimits() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  takePortalPost(context.clientAddress);
  const { submission } = await readForm(request, portalSchemaFor(fileLimits()));
  if (submission.status !== "success") return data({ result: replyWithError(submission), code: null }, { status: 400 });
  if (submission.value.website) {
    return data({ result: submission.reply({ formErrors: ["Uw melding kon niet worden verwerkt. Probeer het opnieuw."] }), code: null }, { status: 400 });
  }
  const taken = take([portalLimits.submissions(context.clientAddress)]);
  if (!taken) {
    return data(
      { result: submission.reply({ formErrors: ["Er zijn vanaf uw adres veel meldingen gedaan. Wacht een uur en verstuur het dan opnieuw; uw tekst staat hieronder nog."] }), code: null },
      { status: 429 },
    );
  }
  try {
    const files = await Promise.all((submission.value.files ?? []).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const { code } = await receivePortalSignal(submission.value, files);
    answered.add(context);
    return { result: null, code: formatReceiptCode(code) };
  } catch (error) {
    taken.giveBack();
    if (isDatabaseBusy(error)) return data({ result: submission.reply({ formErrors: [BUSY] }), code: null }, { status: 503 });
    return data({ result: replyWithError(submission, error), code: null }, { status: 400 });
  }
}

function Receipt({ code }: { code: string }) {
  return (
    <section className="rd-section" aria-labelledby="receipt-heading">
      <Heading level={1} id="receipt-heading">
        Uw melding is ontvangen
      </Heading>
      <div role="status" aria-live="polite">
        <Paragraph>Dit is uw ontvangstcode. Schrijf hem op of bewaar hem op een veilige plek: hij wordt maar één keer getoond.</Paragraph>
        <p className="rd-receipt" data-testid="receipt-code">
          {code}
        </p>
      </div>
      <Paragraph>
        Met deze code leest u op <TextLink to="/melden/volgen">Melding volgen</TextLink> de status en de antwoorden van de
        intermediair, en kunt u iets aanvullen. Zonder de code kan niemand uw melding aan u koppelen, ook wij niet.
      </Paragraph>
    </section>
  );
}

export default function PortalPage() {
  const { reference, canNotify, limits } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "melden",
    lastResult: answer?.result,
    defaultValue: { contact: "anonymous" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: portalSchemaFor(limits) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (answer?.code) return <Receipt code={answer.code} />;
  // Without the lists only after a stored report, which shows the receipt above.
  const places = reference ?? { regions: [], municipalities: [] };
  return (
    <section className="rd-section">
      <Heading level={1}>Een signaal melden</Heading>
      <Paragraph lead>
        Loopt u als vrijgevestigde aanbieder (of als gemeente) vast bij de inkoop of contractering van jeugdhulp? Meld het hier,
        zonder account.
      </Paragraph>
      <Paragraph>
        Al gemeld? Lees de antwoorden en vul aan via <TextLink to="/melden/volgen">Melding volgen</TextLink>, met uw ontvangstcode.
      </Paragraph>
      <Alert type="info" title="Wie leest dit en wat gebeurt er?">
        <p className="utrecht-paragraph">
          Alleen de intermediair leest uw melding. Zij behandelt alles vertrouwelijk en deelt niets dat naar u herleidbaar is
          met gemeenten of anderen. U krijgt na het versturen een ontvangstcode waarmee u de status en antwoorden leest. Meer in
          de <TextLink to="/privacy">privacyverklaring</TextLink>.
        </p>
      </Alert>
      <AppForm form={form} submitLabel="Melding versturen" encType="multipart/form-data">
        <div className="rd-honeypot" aria-hidden="true">
          <label htmlFor="melden-website">Laat dit veld leeg</label>
          <input id="melden-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <FieldGroup legend="Wie bent u (in het algemeen)?">
          <SelectField field={fields.requesterType} label="Ik meld als" placeholder="Kies…" options={[...PORTAL_REQUESTERS]} />
          <SelectField field={fields.association} label="Beroepsvereniging (niet verplicht)" placeholder="Geen of zeg ik liever niet" options={optionsOf(ASSOCIATIONS, ASSOCIATION_LABELS)} />
        </FieldGroup>
        <FieldGroup legend="Waar speelt het?">
          <RegionMunicipalityFields regionField={fields.regionCode} municipalityField={fields.municipality} regions={places.regions} municipalities={places.municipalities} />
        </FieldGroup>
        <FieldGroup legend="Waar gaat het over?">
          <SelectField field={fields.topic} label="Onderwerp" placeholder="Kies…" options={[...PORTAL_TOPICS]} />
          <SelectField field={fields.procurementPhase} label="Waar staat de inkoop?" placeholder="Kies…" options={[...PORTAL_PHASES]} />
          <TextAreaField field={fields.message} label="Wat is er aan de hand?" description="Hoogstens 10.000 tekens. Noem geen cliëntgegevens." rows={10} />
          {limits.portalMaxFiles > 0 ? (
            <FileField
              field={fields.files}
              label="Bestanden (niet verplicht)"
              description={`Bijvoorbeeld de aanbestedingsstukken of een brief van de gemeente: hoogstens ${limits.portalMaxFiles} bestanden van ${megabytes(limits.maxBytes)} (${KEPT_FILE_LABELS}).`}
              multiple
            />
          ) : null}
        </FieldGroup>
        <FieldGroup legend="Mogen we u bereiken?">
          <div className="rd-contact">
            <RadioGroup
              field={fields.contact}
              legend="Hoe wilt u melden?"
              options={[
                { value: "anonymous", label: "Anoniem: ik lees antwoorden met mijn ontvangstcode" },
                { value: "confidential", label: "Vertrouwelijk, met mijn contactgegevens zodat de intermediair kan terugbellen" },
              ]}
            />
            {/* Hidden by CSS while "Anoniem" is chosen, with or without JavaScript; the server stores none of it then. */}
            <div className="rd-contact__fields">
              <Paragraph>Bij anoniem melden bewaren we deze gegevens niet.</Paragraph>
              <TextField field={fields.reporterName} label="Naam (niet verplicht)" autoComplete="name" />
              <TextField field={fields.reporterOrganisation} label="Organisatie of praktijk (niet verplicht)" autoComplete="organization" />
              <TextField field={fields.reporterEmail} label="E-mailadres" type="email" autoComplete="email" />
              {canNotify ? <CheckboxField field={fields.notifyOnAnswer} label="Laat mij weten als er een antwoord is (een e-mail zonder inhoud)" /> : null}
              <TextField field={fields.reporterPhone} label="Telefoon" type="tel" autoComplete="tel" />
            </div>
          </div>
        </FieldGroup>
      </AppForm>
    </section>
  );
}
