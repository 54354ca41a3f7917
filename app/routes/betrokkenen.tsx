import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ActionButton, AppForm, CsrfField, TextField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { Button, ButtonGroup, ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { subjectActionSchema, subjectSearchSchema, type SubjectQuery } from "~/domain/data-subject-form";
import { DomainError } from "~/domain/errors";
import { ROLE_LABELS, isRole } from "~/domain/roles";
import { STATUS_LABELS } from "~/domain/signal-codes";
import { eraseDataSubject, findDataSubject, signalsToErase, type MatchedField } from "~/models/data-subject.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";
import { formatDate, formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Verzoeken van betrokkenen · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "dataSubject.handle");
  return null;
}

/** Every step posts: the e-mail address or name of the person must stay out of URLs, server logs and browser history. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "dataSubject.handle");
  const actor = actorOf(user, context);
  const { submission } = await readForm(request, subjectActionSchema);
  if (submission.status !== "success") return data({ stage: "error" as const, result: replyWithError(submission) }, { status: 400 });
  const value = submission.value;
  const query: SubjectQuery = { email: value.email, name: value.name };
  try {
    if (value.intent === "search") {
      return { stage: "results" as const, query, found: await findDataSubject(query, actor), result: submission.reply() };
    }
    if (value.intent === "review") {
      return { stage: "review" as const, query, chosen: signalsToErase(query, value.signalId), result: submission.reply() };
    }
    const count = eraseDataSubject(query, value.signalId, actor);
    return redirectWithFlash("/betrokkenen", count === 1 ? "De gegevens van 1 signaal zijn gewist." : `De gegevens van ${count} signalen zijn gewist.`);
  } catch (error) {
    if (error instanceof DomainError) return data({ stage: "error" as const, result: replyWithError(submission, error) }, { status: 400 });
    throw error;
  }
}

const MATCHED_LABELS: Record<MatchedField, string> = {
  reporterEmail: "e-mailadres",
  reporterName: "naam",
  reporterOrganisation: "organisatie",
};

function QueryFields({ query }: { query: SubjectQuery }) {
  return (
    <>
      {query.email ? <input type="hidden" name="email" value={query.email} /> : null}
      {query.name ? <input type="hidden" name="name" value={query.name} /> : null}
    </>
  );
}

export default function DataSubjectPage() {
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "search",
    lastResult: answer?.stage === "results" || answer?.stage === "error" ? answer.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: subjectSearchSchema }),
    shouldValidate: "onSubmit",
  });
  const stepError = answer?.stage === "error" ? answer.result.error?.[""]?.[0] ?? answer.result.error?.confirm?.[0] : undefined;
  return (
    <>
      <section className="rd-section">
        <Heading level={1}>Verzoeken van betrokkenen</Heading>
        <Paragraph>
          Vraagt iemand welke gegevens u over hem of haar bewaart (AVG artikel 15) of vraagt iemand die te wissen (artikel
          17)? Zoek op e-mailadres (precies, hoofdletters maken niet uit) of op (een deel van) de naam; accenten maken niet
          uit. U vindt meldingen waarin de persoon als melder staat en medewerkersaccounts. De zoekopdracht wordt niet in
          het adres van de pagina opgenomen; het auditlog vermeldt alleen aantallen en signaalnummers.
        </Paragraph>
        {stepError ? <Alert type="error">{stepError}</Alert> : null}
        <AppForm form={form} submitLabel="Zoeken">
          <input type="hidden" name="intent" value="search" />
          <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="off" />
          <TextField field={fields.name} label="Naam of organisatie" description="Minstens 3 tekens." autoComplete="off" />
        </AppForm>
      </section>
      {answer?.stage === "results" ? <Results query={answer.query} found={answer.found} /> : null}
      {answer?.stage === "review" ? <ConfirmErase query={answer.query} chosen={answer.chosen} /> : null}
    </>
  );
}

type Found = Awaited<ReturnType<typeof findDataSubject>>;

function Results({ query, found }: { query: SubjectQuery; found: Found }) {
  return (
    <>
      <section className="rd-section rd-confidential" aria-labelledby="signals-heading">
        <Heading level={2} id="signals-heading">
          Signalen
        </Heading>
        {/* A plain form post, so the export (a resource route) arrives as a download; "Wissen" takes the same selection. */}
        <Form method="post" reloadDocument className="utrecht-form rd-form">
          <CsrfField />
          <QueryFields query={query} />
          <DataTable
            caption={`${found.signals.length} signalen met deze melder`}
            rows={found.signals}
            rowKey={(s) => s.id}
            empty={<Paragraph>Geen signalen gevonden met deze gegevens van de melder.</Paragraph>}
            columns={[
              {
                header: "Kiezen",
                cell: (s) => <input type="checkbox" name="signalId" value={s.id} defaultChecked aria-label={`Signaal ${s.id} kiezen`} className="utrecht-checkbox utrecht-checkbox--html-input" />,
              },
              { header: "Signaal", rowHeader: true, cell: (s) => <TextLink to={`/signalen/${s.id}`}>Signaal {s.id}</TextLink> },
              { header: "Binnengekomen", cell: (s) => formatShortDate(s.receivedOn) },
              { header: "Status", cell: (s) => STATUS_LABELS[s.status] },
              { header: "Gevonden in", cell: (s) => s.matched.map((m) => MATCHED_LABELS[m]).join(", ") },
            ]}
          />
          <Paragraph>
            Controleer bij een zoekopdracht op naam of elk signaal echt over deze persoon gaat; vink de andere uit. De
            export bevat van de gekozen signalen alle velden, ook de vertrouwelijke, de berichten, notities en
            statusgeschiedenis, en de medewerkersaccounts hieronder.
          </Paragraph>
          <ButtonGroup>
            <Button formAction="/betrokkenen/export">
              Exporteren als JSON
            </Button>
            {found.signals.length > 0 ? (
              <Button name="intent" value="review" appearance="secondary-action" danger>
                Wissen…
              </Button>
            ) : null}
          </ButtonGroup>
        </Form>
      </section>
      <section className="rd-section" aria-labelledby="staff-heading">
        <Heading level={2} id="staff-heading">
          Medewerkersaccounts
        </Heading>
        <DataTable
          caption={`${found.staff.length} accounts met dit e-mailadres of deze naam`}
          rows={found.staff}
          rowKey={(u) => u.id}
          empty={<Paragraph>Geen medewerkersaccount gevonden.</Paragraph>}
          columns={[
            { header: "Naam", rowHeader: true, cell: (u) => u.name },
            { header: "E-mailadres", cell: (u) => u.email },
            { header: "Rollen", cell: (u) => u.roles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ") },
            { header: "Status", cell: (u) => (u.disabled ? "Uitgeschakeld" : "Actief") },
            { header: "Regels in het auditlog", numeric: true, cell: (u) => u.auditEntries },
          ]}
        />
        <Paragraph>
          Accounts van medewerkers worden hier niet gewist: een beheerder schakelt een account uit. Het auditlog blijft
          bewaard, omdat de wet vraagt vast te leggen wie wat met vertrouwelijke gegevens deed.
        </Paragraph>
      </section>
    </>
  );
}

function ConfirmErase({ query, chosen }: { query: SubjectQuery; chosen: ReturnType<typeof signalsToErase> }) {
  const count = chosen.length === 1 ? "1 signaal" : `${chosen.length} signalen`;
  return (
    <section className="rd-section rd-confidential" aria-labelledby="erase-heading">
      <Heading level={2} id="erase-heading">
        Wissen bevestigen
      </Heading>
      <Paragraph>Van deze {count} worden definitief verwijderd: naam, organisatie, e-mailadres en telefoon van de melder, samenvatting, toelichting, notities en berichten; de ontvangstcode werkt niet meer. De classificatie blijft, zodat de jaarcijfers gelijk blijven. Dit kan niet ongedaan worden gemaakt.</Paragraph>
      <UnorderedList>
        {chosen.map((s) => (
          <ListItem key={s.id}>
            Signaal {s.id} van {formatDate(s.receivedOn)} ({STATUS_LABELS[s.status].toLowerCase()})
          </ListItem>
        ))}
      </UnorderedList>
      <div className="rd-toolbar">
        <ActionButton intent="erase" label="Definitief wissen" danger confirmText={`De gegevens van ${count} worden definitief gewist. Doorgaan?`}>
          <QueryFields query={query} />
          {chosen.map((s) => (
            <input key={s.id} type="hidden" name="signalId" value={s.id} />
          ))}
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <div className="utrecht-form-field__input">
              <input type="checkbox" id="confirm-erase" name="confirm" value="yes" required className="utrecht-checkbox utrecht-checkbox--html-input" />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="confirm-erase">
                Ja, wis de gegevens van deze persoon uit {count}
              </label>
            </div>
          </div>
        </ActionButton>
        <ButtonLink to="/betrokkenen">Annuleren</ButtonLink>
      </div>
    </section>
  );
}
