import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClassificationSection } from "~/components/signal-classification-section";
import { AttachmentsSection } from "~/components/attachments";
import { ConfidentialSection, HistorySection, NotesSection, ReporterConversationSection } from "~/components/signal-sections";
import { SimilarQuestionsSection } from "~/components/similar-questions";
import { StatusSection } from "~/components/signal-status-section";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { resultFor } from "~/components/form";
import { formatDate } from "~/domain/dates-nl";
import { CHANNEL_LABELS, STATUS_LABELS } from "~/domain/signal-codes";
import { assignSchema, classificationSchema, linkSchema, noteSchema, statusSchema } from "~/domain/signal-form";
import { replySchema } from "~/domain/portal-form";
import { similarArticles } from "~/models/knowledge.server";
import { conversation as portalConversation, replyToReporter } from "~/models/portal.server";
import { addAttachment, attachmentsOf } from "~/models/attachment.server";
import { activeTrajectories, trajectoriesOfSignal } from "~/models/trajectory-list.server";
import { linkSignal } from "~/models/trajectory.server";
import { allowedTransitions } from "~/domain/signal-status";
import { addNote, assignableStaff, assignSignal, changeStatus, openSignal, updateClassification } from "~/models/signal.server";
import { can } from "~/domain/permissions";
import { uploadSchema } from "~/domain/upload-form";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { notFoundIf, notFoundOn, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Signaal · Rode Draad" }];

const THIS_SIGNAL = "Dit signaal";
const signalId = (param: string | undefined) => recordOr404(param, THIS_SIGNAL);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.read");
  const actor = actorOf(user, context);
  const signal = notFoundOn("SIGNAL.NOT_FOUND", THIS_SIGNAL, () => openSignal(signalId(params.id), actor));
  return {
    signal,
    conversation: signal.fromPortal ? portalConversation(signal.id) : null,
    attachments: can(user.roles, "signal.readIdentity") ? attachmentsOf({ kind: "signal", id: signal.id }, actor) : null,
    trajectories: trajectoriesOfSignal(signal.id),
    activeTrajectories: activeTrajectories(),
    reference: regionAndMunicipalityOptions(),
    staff: assignableStaff(),
    transitions: allowedTransitions(signal.status),
    similar: can(user.roles, "knowledge.manage") ? similarArticles(signal, actor) : null,
  };
}

const ATTACH = uploadSchema("Kies een bestand om bij het signaal te bewaren.");

const actionSchema = z.discriminatedUnion("intent", [
  classificationSchema.extend({ intent: z.literal("classify") }),
  statusSchema.extend({ intent: z.literal("status") }),
  noteSchema.extend({ intent: z.literal("note") }),
  assignSchema.extend({ intent: z.literal("assign") }),
  replySchema.extend({ intent: z.literal("reply") }),
  linkSchema.extend({ intent: z.literal("link") }),
  ATTACH,
]);

const FLASH: Record<string, string> = {
  classify: "De classificatie is opgeslagen.",
  status: "De status is gewijzigd.",
  note: "De notitie is toegevoegd.",
  assign: "De toewijzing is opgeslagen.",
  reply: "Het bericht staat klaar voor de melder; die leest het met de ontvangstcode.",
  link: "Het signaal is aan het traject gekoppeld.",
  upload: "Het bestand is bij het signaal bewaard.",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "signal.record");
  const id = signalId(params.id);
  const actor = actorOf(user, context);
  const { submission, refuse } = await readIntentForm(request, actionSchema);
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  try {
    if (value.intent === "classify") updateClassification(id, value, actor);
    else if (value.intent === "status") changeStatus(id, value.status, actor);
    else if (value.intent === "note") addNote(id, value.body, actor, value.after);
    else if (value.intent === "reply") replyToReporter(id, value.body, actor, value.after);
    else if (value.intent === "link") linkSignal(value.trajectoryId, id, actor);
    else if (value.intent === "upload") addAttachment({ kind: "signal", id }, { name: value.file.name, bytes: new Uint8Array(await value.file.arrayBuffer()) }, actor);
    else assignSignal(id, value.assignedTo ?? null, actor);
  } catch (error) {
    notFoundIf(error, "SIGNAL.NOT_FOUND", THIS_SIGNAL);
    return refuse(error);
  }
  return redirectWithFlash(`/signalen/${id}`, FLASH[value.intent] ?? "Opgeslagen.");
}

export default function SignalPage() {
  const { signal, conversation, attachments, trajectories, activeTrajectories: running, reference, staff, transitions, similar } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
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
        {signal.awaitingClassification ? (
          <p className="utrecht-paragraph" data-testid="awaiting-classification">
            <strong>Te classificeren.</strong> Dit signaal kwam binnen via het postvak; de classificatie hieronder is nog niet gekozen en
            telt in geen enkel cijfer mee. Kies de juiste waarden en sla de classificatie op.
          </p>
        ) : null}
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
      {attachments ? <AttachmentsSection
          files={attachments}
          hrefOf={(fileId) => `/signalen/${signal.id}/bijlagen/${fileId}`}
          upload={{ id: "attach", schema: ATTACH }}
          lastResult={resultFor(answer, "upload")}
        /> : null}
      {conversation ? <ReporterConversationSection messages={conversation} hadNews={signal.hadNews} lastResult={resultFor(answer, "reply")} /> : null}
      <StatusSection
        signal={signal}
        transitions={transitions}
        trajectories={trajectories}
        running={running}
        staff={staff}
        results={{ status: resultFor(answer, "status"), link: resultFor(answer, "link"), assign: resultFor(answer, "assign") }}
      />
      {similar ? <SimilarQuestionsSection signalId={signal.id} answered={signal.status === "answered"} articles={similar} /> : null}
      <ClassificationSection signal={signal} awaiting={signal.awaitingClassification} reference={reference} lastResult={resultFor(answer, "classify")} />
      <NotesSection notes={signal.notes} lastResult={resultFor(answer, "note")} />
      <HistorySection events={signal.history} staff={staff} />
    </>
  );
}
