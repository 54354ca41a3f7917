import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CloseSection, OutcomesSection } from "~/components/trajectory-closing";
import { AttentionSection, HistorySection, StepsSection, TrajectoryContents, TrajectoryHeader, trajectorySections } from "~/components/trajectory-overview";
import { ContactsSection, EscalationsSection, LessonsSection } from "~/components/trajectory-sections";
import { LinkedSignalsSection, MilestonesSection, PeopleSection, PlanSection, StepNotesSection } from "~/components/trajectory-work";
import { AttachmentsSection } from "~/components/attachments";
import { ButtonLink } from "~/components/ui/button";
import { resultFor } from "~/components/form";
import { todayInTheNetherlands } from "~/domain/dates";
import { can, capabilityForTrajectoryIntent, canWriteStepNote, writableNoteSteps } from "~/domain/permissions";
import { uploadSchema } from "~/domain/upload-form";
import { addAttachment, attachmentsOf } from "~/models/attachment.server";
import {
  adviserSchema,
  closeFields,
  contactSchema,
  dismissSchema,
  escalationSchema,
  lessonSchema,
  linkSignalSchema,
  outcomesSchema,
  planRevisionSchema,
  requireStopReason,
  stepActionSchema,
  stepNoteSchema,
} from "~/domain/trajectory-form";
import { addContact, addEscalation, addLesson, contactsOf, dismissReanalysis, escalationsOf, listLessons } from "~/models/procurement.server";
import type { StepActionCode } from "~/domain/trajectory-workflow";
import { addStepNote, advisers, applyStepAction, canSee, trajectoryExists, closeTrajectory, linkSignal, reopenTrajectory, setAdvisers, setOutcomes, unlinkSignal } from "~/models/trajectory.server";
import { currentPlan, revisePlan } from "~/models/trajectory-plan.server";
import { trajectoryDetail } from "~/models/trajectory-detail.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readIntentForm } from "~/utils/form.server";
import { forbidden, requireUser, type SessionUser } from "~/auth/guard.server";
import { notFound, notFoundOn, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Traject · Rode Draad" }];

async function visibleTrajectory(request: Request, param: string | undefined): Promise<{ user: SessionUser; id: number }> {
  const user = await requireUser(request, "trajectory.readAssigned");
  const id = recordOr404(param, "Dit traject");
  // Rights first, so an adviser cannot probe which trajectories exist.
  if (!canSee(id, user)) forbidden();
  if (!trajectoryExists(id)) notFound("Dit traject");
  return { user, id };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, id } = await visibleTrajectory(request, params.id);
  const trajectory = notFoundOn("TRAJECTORY.NOT_FOUND", "Dit traject", () => trajectoryDetail(id, user, actorOf(user, context)));
  const isIntermediary = can(user.roles, "trajectory.manage");
  const readsTalks = can(user.roles, "trajectory.readTalks");
  return {
    trajectory,
    isIntermediary,
    readsTalks,
    noteSteps: writableNoteSteps(user.roles),
    contacts: readsTalks ? contactsOf(id) : [],
    escalations: readsTalks ? escalationsOf(id) : [],
    lessons: listLessons().filter((l) => l.trajectoryId === id),
    today: todayInTheNetherlands(),
    plan: currentPlan(id),
    regionMunicipalities: regionAndMunicipalityOptions().municipalities.filter((m) => m.regionCode === trajectory.regionCode),
    advisers: isIntermediary ? advisers() : [],
    files: attachmentsOf({ kind: "trajectory", id }, actorOf(user, context)),
  };
}

const ATTACH = uploadSchema("Kies een bestand om bij het traject te bewaren.");

const actionSchema = z.discriminatedUnion("intent", [
  ATTACH,
  stepActionSchema.extend({ intent: z.literal("step") }),
  stepNoteSchema.extend({ intent: z.literal("note") }),
  planRevisionSchema.extend({ intent: z.literal("plan") }),
  linkSignalSchema.extend({ intent: z.literal("link") }),
  linkSignalSchema.extend({ intent: z.literal("unlink") }),
  adviserSchema.extend({ intent: z.literal("advisers") }),
  outcomesSchema.extend({ intent: z.literal("outcomes") }),
  closeFields.extend({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen") }),
  dismissSchema.extend({ intent: z.literal("dismiss") }),
  escalationSchema.extend({ intent: z.literal("escalation") }),
  contactSchema.extend({ intent: z.literal("contact") }),
  lessonSchema.extend({ intent: z.literal("lesson") }),
]).superRefine((value, ctx) => {
  if (value.intent === "close") requireStopReason(value, ctx);
});

const FLASH: Record<string, string> = {
  step: "De stap is bijgewerkt.",
  note: "De notitie is toegevoegd.",
  plan: "De nieuwe versie van het plan van aanpak is opgeslagen.",
  link: "Het signaal is gekoppeld.",
  unlink: "Het signaal is ontkoppeld.",
  advisers: "De regioadviseurs zijn opgeslagen.",
  outcomes: "De uitkomsten zijn opgeslagen.",
  close: "Het traject is gesloten.",
  reopen: "Het traject is heropend.",
  dismiss: "De herbeoordeling is afgehandeld.",
  escalation: "De escalatie is vastgelegd.",
  contact: "Het gesprek is vastgelegd.",
  lesson: "De les is vastgelegd.",
  upload: "Het bestand is bij het traject bewaard.",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, id } = await visibleTrajectory(request, params.id);
  const actor = actorOf(user, context);
  const { submission, intent, refuse } = await readIntentForm(request, actionSchema);
  // Refused before the fields are judged, so an adviser learns nothing from a form that is not theirs.
  if (!can(user.roles, capabilityForTrajectoryIntent(intent))) forbidden();
  if (submission.status !== "success") return refuse();
  const value = submission.value;
  if (value.intent === "note" && !canWriteStepNote(user.roles, value.step)) forbidden();
  try {
    switch (value.intent) {
      case "step":
        applyStepAction(id, value.step, value.action as StepActionCode, actor);
        break;
      case "note":
        addStepNote(id, value.step, value.body, actor);
        break;
      case "plan":
        revisePlan(id, value, actor);
        break;
      case "link":
        linkSignal(id, value.signalId, actor);
        break;
      case "unlink":
        unlinkSignal(id, value.signalId, actor);
        break;
      case "advisers":
        setAdvisers(id, value.adviserIds, actor);
        break;
      case "outcomes":
        setOutcomes(
          id,
          { outcomes: value.outcomes, contractWon: value.contractWon === "yes", contractsAwardedTotal: value.contractsAwardedTotal ?? null, municipalitiesConsulted: value.municipalitiesConsulted },
          actor,
        );
        break;
      case "close":
        closeTrajectory(
          id,
          { status: value.status, closedOn: value.closedOn, reason: value.status === "stopped" ? value.reason : undefined, confirmActiveSteps: value.confirmActiveSteps === "yes" },
          actor,
        );
        break;
      case "reopen":
        reopenTrajectory(id, actor);
        break;
      case "dismiss":
        dismissReanalysis(id, value.reason, actor);
        break;
      case "escalation":
        addEscalation(id, value, actor);
        break;
      case "contact":
        addContact(id, value, actor);
        break;
      case "upload":
        addAttachment({ kind: "trajectory", id }, { name: value.file.name, bytes: new Uint8Array(await value.file.arrayBuffer()) }, actor);
        break;
      case "lesson":
        addLesson(id, value.text, actor);
        break;
    }
  } catch (error) {
    return refuse(error);
  }
  return redirectWithFlash(`/trajecten/${id}`, FLASH[value.intent] ?? "Opgeslagen.");
}

export default function TrajectoryPage() {
  const { trajectory: t, isIntermediary, readsTalks, noteSteps, regionMunicipalities, advisers: adviserOptions, contacts, escalations, lessons, today, plan, files } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const simpleError = ["step", "reopen", "advisers", "unlink"].includes(answer?.intent ?? "") ? answer?.result.error?.[""]?.[0] : undefined;
  const closed = t.status !== "active";
  return (
    <>
      <TrajectoryHeader trajectory={t} error={simpleError} />
      <TrajectoryContents sections={trajectorySections({ isIntermediary, readsTalks, closed })} />
      <AttentionSection trajectory={t} isIntermediary={isIntermediary} dismissResult={resultFor(answer, "dismiss")} />
      <StepsSection trajectory={t} editable={isIntermediary && !closed} />
      <StepNotesSection notes={t.notes} noteSteps={noteSteps} lastResult={resultFor(answer, "note")} />
      <PlanSection trajectoryId={t.id} planCount={t.planCount} current={plan} editable={isIntermediary} lastResult={resultFor(answer, "plan")} />
      <LinkedSignalsSection signals={t.linkedSignals} isIntermediary={isIntermediary} lastResult={resultFor(answer, "link")} />
      <PeopleSection trajectory={t} adviserOptions={adviserOptions} isIntermediary={isIntermediary} />
      {readsTalks ? (
        <>
          <ContactsSection contacts={contacts} lastResult={resultFor(answer, "contact")} today={today} />
          <EscalationsSection escalations={escalations} lastResult={resultFor(answer, "escalation")} today={today} />
        </>
      ) : null}
      <MilestonesSection trajectory={t} isIntermediary={isIntermediary} />
      <AttachmentsSection
        files={files}
        hrefOf={(fileId) => `/trajecten/${t.id}/bijlagen/${fileId}`}
        upload={isIntermediary ? { id: "attach", schema: ATTACH } : undefined}
        lastResult={resultFor(answer, "upload")}
      />
      {isIntermediary ? (
        <>
          <LessonsSection lessons={lessons} lastResult={resultFor(answer, "lesson")} />
          <OutcomesSection trajectory={t} regionMunicipalities={regionMunicipalities} lastResult={resultFor(answer, "outcomes")} />
          <CloseSection
            trajectory={t}
            activeSteps={t.steps.filter((s) => s.state === "active").map((s) => s.step)}
            today={today}
            lastResult={resultFor(answer, "close")}
          />
        </>
      ) : null}
      <HistorySection history={t.history} />
      {isIntermediary ? (
        <p>
          <ButtonLink to={`/trajecten/nieuw`}>Nog een traject starten</ButtonLink>
        </p>
      ) : null}
    </>
  );
}
