import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, AppForm, CsrfField } from "~/components/form";
import { ConfidentialSection, Facts, NotesSection, ReporterConversationSection } from "~/components/signal-sections";
import { ClassificationFields } from "~/components/signal-fields";
import { Alert } from "~/components/ui/alert";
import { formatDate, formatDateTime } from "~/domain/dates-nl";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import {
  ASSOCIATION_LABELS,
  CHANNEL_LABELS,
  FUNDING_LABELS,
  PHASE_LABELS,
  PROCEDURE_LABELS,
  REFERRER_LABELS,
  REQUESTER_TYPE_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  TRIGGER_LABELS,
  type SignalStatus,
} from "~/domain/signal-codes";
import { assignSchema, classificationSchema, noteSchema, statusSchema } from "~/domain/signal-form";
import { replySchema } from "~/domain/portal-form";
import { conversation as portalConversation, replyToReporter } from "~/models/portal.server";
import { activeTrajectories, trajectoriesOfSignal } from "~/models/trajectory-list.server";
import { linkSignal } from "~/models/trajectory.server";
import { ButtonLink } from "~/components/ui/button";
import { allowedTransitions } from "~/domain/signal-status";
import { addNote, assignableStaff, assignSignal, changeStatus, openSignal, updateClassification } from "~/models/signal.server";
import { DomainError } from "~/domain/errors";
import { recordNumber } from "~/domain/url-params";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Signaal · Rode Draad" }];

function signalId(param: string | undefined): number {
  return recordNumber(param) ?? notFound("Dit signaal");
}

function openOr404(id: number, actor: Parameters<typeof openSignal>[1]) {
  try {
    return openSignal(id, actor);
  } catch (error) {
    if (error instanceof DomainError && error.code === "SIGNAL.NOT_FOUND") notFound("Dit signaal");
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.read");
  const signal = openOr404(signalId(params.id), actorOf(user, context));
  return {
    signal,
    conversation: signal.fromPortal ? portalConversation(signal.id) : null,
    trajectories: trajectoriesOfSignal(signal.id),
    activeTrajectories: activeTrajectories(),
    reference: regionAndMunicipalityOptions(),
    staff: assignableStaff(),
    transitions: allowedTransitions(signal.status),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  classificationSchema.extend({ intent: z.literal("classify") }),
  statusSchema.extend({ intent: z.literal("status") }),
  noteSchema.extend({ intent: z.literal("note") }),
  assignSchema.extend({ intent: z.literal("assign") }),
  replySchema.extend({ intent: z.literal("reply") }),
  z.object({ intent: z.literal("link"), trajectoryId: z.coerce.number({ invalid_type_error: "Kies een traject." }).int().positive("Kies een traject.") }),
]);

const FLASH: Record<string, string> = {
  classify: "De classificatie is opgeslagen.",
  status: "De status is gewijzigd.",
  note: "De notitie is toegevoegd.",
  assign: "De toewijzing is opgeslagen.",
  reply: "Het bericht staat klaar voor de melder; die leest het met de ontvangstcode.",
  link: "Het signaal is aan het traject gekoppeld.",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const id = signalId(params.id);
  const actor = actorOf(user, context);
  const { formData, submission } = await readForm(request, actionSchema);
  const intent = String(formData.get("intent"));
  if (submission.status !== "success") return data({ intent, result: replyWithError(submission) }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "classify") updateClassification(id, value, actor);
    else if (value.intent === "status") changeStatus(id, value.status, actor);
    else if (value.intent === "note") addNote(id, value.body, actor, value.after);
    else if (value.intent === "reply") replyToReporter(id, value.body, actor, value.after);
    else if (value.intent === "link") linkSignal(value.trajectoryId, id, actor);
    else assignSignal(id, value.assignedTo ?? null, actor);
  } catch (error) {
    if (error instanceof DomainError && error.code === "SIGNAL.NOT_FOUND") notFound("Dit signaal");
    return data({ intent, result: replyWithError(submission, error) }, { status: 400 });
  }
  return redirectWithFlash(`/signalen/${id}`, FLASH[value.intent] ?? "Opgeslagen.");
}

const TRANSITION_LABELS: Record<SignalStatus, string> = {
  new: "Terug naar nieuw",
  in_progress: "In behandeling nemen",
  answered: "Markeren als beantwoord",
  closed: "Afronden",
  in_trajectory: "Markeren als in traject",
};

function describeEvent(event: { kind: string; detail: Record<string, unknown> }, staff: { id: number; name: string }[]): string {
  switch (event.kind) {
    case "created":
      return "Signaal vastgelegd";
    case "status":
      return `Status: ${STATUS_LABELS[event.detail.from as SignalStatus] ?? "?"} → ${STATUS_LABELS[event.detail.to as SignalStatus] ?? "?"}`;
    case "classification":
      return `Classificatie gewijzigd (${(event.detail.fields as string[] | undefined)?.length ?? 0} velden)`;
    case "assignment":
      return `Toegewezen aan ${staff.find((s) => s.id === event.detail.to)?.name ?? "niemand"}`;
    case "note":
      return "Notitie toegevoegd";
    default:
      return event.kind;
  }
}

export default function SignalPage() {
  const { signal, conversation, trajectories, activeTrajectories: running, reference, staff, transitions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const region = reference.regions.find((r) => r.code === signal.regionCode);
  const municipality = reference.municipalities.find((m) => m.code === signal.municipalityCode);
  const [classifyForm, classifyFields] = useForm({
    id: "classify",
    lastResult: answer?.intent === "classify" ? answer.result : undefined,
    defaultValue: {
      ...signal,
      municipality: municipality?.name ?? signal.municipalityCode ?? "",
      association: signal.association ?? "",
      segment: signal.segment ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: classificationSchema }),
    shouldValidate: "onBlur",
  });
  const statusError =
    answer?.intent === "status" || answer?.intent === "assign" || answer?.intent === "link"
      ? answer.result.error?.[""]?.[0] ?? answer.result.error?.assignedTo?.[0] ?? answer.result.error?.trajectoryId?.[0] ?? answer.result.error?.signalId?.[0]
      : undefined;
  const c = signal.confidential;
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/signalen">Terug naar signalen</TextLink>
        </Paragraph>
        <Heading level={1}>Signaal {signal.id}</Heading>
        <Paragraph>
          <span className="rd-badge">{STATUS_LABELS[signal.status]}</span> · binnengekomen op {formatDate(signal.receivedOn)} via{" "}
          {CHANNEL_LABELS[signal.channel].toLowerCase()}
        </Paragraph>
      </section>

      <ConfidentialSection
        summary={c.summary}
        details={c.details}
        reporter={[
          ["Naam melder", c.reporterName],
          ["Organisatie", c.reporterOrganisation],
          ["E-mailadres", c.reporterEmail],
          ["Telefoon", c.reporterPhone],
        ]}
      />

      {conversation ? (
        <ReporterConversationSection messages={conversation} hadNews={signal.hadNews} lastResult={answer?.intent === "reply" ? answer.result : undefined} />
      ) : null}

      <section className="rd-section" aria-labelledby="status-heading">
        <Heading level={2} id="status-heading">
          Status en toewijzing
        </Heading>
        {statusError ? <Alert type="error">{statusError}</Alert> : null}
        <div className="rd-toolbar">
          {transitions.map((to) => (
            <ActionButton key={to} intent="status" label={TRANSITION_LABELS[to]}>
              <input type="hidden" name="status" value={to} />
            </ActionButton>
          ))}
        </div>
        {trajectories.length > 0 ? (
          <Paragraph>
            Hoort bij:{" "}
            {trajectories.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ", " : ""}
                <TextLink to={`/trajecten/${t.id}`}>
                  traject {t.regionName} (sinds {formatDate(t.startedOn)})
                </TextLink>
              </span>
            ))}
          </Paragraph>
        ) : null}
        <div className="rd-toolbar">
          <ButtonLink to={`/trajecten/nieuw?signal=${signal.id}`}>Start traject vanuit dit signaal</ButtonLink>
          {running.length > 0 ? (
            <Form method="post" className="rd-toolbar">
              <CsrfField />
              <input type="hidden" name="intent" value="link" />
              <label className="utrecht-form-label" htmlFor="link-trajectory">
                Of koppel aan
              </label>
              <select id="link-trajectory" name="trajectoryId" defaultValue="" className="utrecht-select utrecht-select--html-select">
                <option value="">Kies een lopend traject</option>
                {running.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.regionName}: {t.strategicGoal.slice(0, 60)}
                  </option>
                ))}
              </select>
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                Koppelen
              </button>
            </Form>
          ) : null}
        </div>
        <Form method="post" className="rd-toolbar">
          <CsrfField />
          <input type="hidden" name="intent" value="assign" />
          <label className="utrecht-form-label" htmlFor="assignedTo">
            Toegewezen aan
          </label>
          <select id="assignedTo" name="assignedTo" defaultValue={signal.assignedTo ?? ""} className="utrecht-select utrecht-select--html-select">
            <option value="">Niemand</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Toewijzen
          </button>
        </Form>
      </section>

      <section className="rd-section" aria-labelledby="classification-heading">
        <Heading level={2} id="classification-heading">
          Classificatie
        </Heading>
        <Facts
          items={[
            ["Afkomstig van", REQUESTER_TYPE_LABELS[signal.requesterType]],
            ["Aangedragen door", REFERRER_LABELS[signal.referredBy]],
            ["Regio", region ? `${region.name} (${signal.regionCode})` : signal.regionCode],
            ["Gemeente", municipality?.name],
            ["Beroepsvereniging", signal.association ? ASSOCIATION_LABELS[signal.association] : null],
            ["Soort vraag", TOPIC_LABELS[signal.topic]],
            ["Fase inkoop", PHASE_LABELS[signal.procurementPhase]],
            ["Aanleidingen", signal.triggers.map((t) => TRIGGER_LABELS[t]).join("; ")],
            ["Procedure", PROCEDURE_LABELS[signal.procedure]],
            ["Financiering", FUNDING_LABELS[signal.funding]],
            ["Segment", signal.segment],
          ]}
        />
        <details className="rd-details" open={answer?.intent === "classify"}>
          <summary>Classificatie bewerken</summary>
          <AppForm form={classifyForm} submitLabel="Classificatie opslaan">
            <input type="hidden" name="intent" value="classify" />
            <ClassificationFields fields={classifyFields} reference={reference} />
          </AppForm>
        </details>
      </section>

      <NotesSection notes={signal.notes} lastResult={answer?.intent === "note" ? answer.result : undefined} />

      <section className="rd-section" aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">
          Geschiedenis
        </Heading>
        <UnorderedList>
          {signal.history.map((event) => (
            <ListItem key={event.id}>
              {formatDateTime(event.at)} · {event.user ?? "systeem"} · {describeEvent(event, staff)}
            </ListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}
