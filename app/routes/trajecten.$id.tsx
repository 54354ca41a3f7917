import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, AppForm, CheckboxGroup, CsrfField, SelectField, TextAreaField, TextField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { ButtonLink } from "~/components/ui/button";
import { DataTable } from "~/components/ui/table";
import { Heading, ListItem, Paragraph, TextLink, UnorderedList } from "~/components/ui/text";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { recordNumber } from "~/domain/url-params";
import { can, canWriteStepNote, rolesWith, writableNoteSteps } from "~/domain/permissions";
import { ASSOCIATION_LABELS, STATUS_LABELS, TOPIC_LABELS } from "~/domain/signal-codes";
import { MILESTONE_LABELS, OUTCOME_LABELS, OUTCOMES, STEP_LABELS, STEP_STATE_LABELS, TRAJECTORY_STATUS_LABELS } from "~/domain/trajectory-codes";
import {
  adviserSchema,
  closeSchema,
  contactSchema,
  dismissSchema,
  escalationSchema,
  lessonSchema,
  linkSignalSchema,
  outcomesSchema,
  planRevisionSchema,
  stepActionSchema,
  stepNoteSchema,
} from "~/domain/trajectory-form";
import { ContactsSection, DismissReanalysisForm, EscalationsSection, LessonsSection } from "~/components/trajectory-sections";
import { addContact, addEscalation, addLesson, contactsOf, dismissReanalysis, escalationsOf, listLessons } from "~/models/procurement.server";
import { actionsFor, STEP_ACTION_LABELS, type StepActionCode } from "~/domain/trajectory-workflow";
import {
  addStepNote,
  advisers,
  applyStepAction,
  canSee,
  trajectoryExists,
  closeTrajectory,
  linkSignal,
  reopenTrajectory,
  revisePlan,
  setAdvisers,
  setOutcomes,
  trajectoryDetail,
  unlinkSignal,
} from "~/models/trajectory.server";
import { regionAndMunicipalityOptions } from "~/models/reference.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { forbidden, notFound, requireUser, type SessionUser } from "~/utils/guard.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Traject · Rode Draad" }];

async function visibleTrajectory(request: Request, param: string | undefined): Promise<{ user: SessionUser; id: number }> {
  const user = await requireUser(request, rolesWith("trajectory.readAssigned"));
  const id = recordNumber(param) ?? notFound("Dit traject");
  // Rights first, so an adviser cannot probe which trajectories exist.
  if (!canSee(id, user)) forbidden();
  if (!trajectoryExists(id)) notFound("Dit traject");
  return { user, id };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, id } = await visibleTrajectory(request, params.id);
  let trajectory;
  try {
    trajectory = trajectoryDetail(id, user, actorOf(user, context));
  } catch (error) {
    if (error instanceof DomainError && error.code === "TRAJECTORY.NOT_FOUND") notFound("Dit traject");
    throw error;
  }
  const isIntermediary = can(user.roles, "trajectory.manage");
  const readsTalks = can(user.roles, "trajectory.readTalks");
  return {
    trajectory,
    isIntermediary,
    noteSteps: writableNoteSteps(user.roles),
    contacts: readsTalks ? contactsOf(id) : [],
    escalations: readsTalks ? escalationsOf(id) : [],
    lessons: listLessons().filter((l) => l.trajectoryId === id),
    today: todayInTheNetherlands(),
    regionMunicipalities: regionAndMunicipalityOptions().municipalities.filter((m) => m.regionCode === trajectory.regionCode),
    advisers: isIntermediary ? advisers() : [],
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  stepActionSchema.extend({ intent: z.literal("step") }),
  stepNoteSchema.extend({ intent: z.literal("note") }),
  planRevisionSchema.extend({ intent: z.literal("plan") }),
  linkSignalSchema.extend({ intent: z.literal("link") }),
  linkSignalSchema.extend({ intent: z.literal("unlink") }),
  adviserSchema.extend({ intent: z.literal("advisers") }),
  outcomesSchema.extend({ intent: z.literal("outcomes") }),
  z.object({ intent: z.literal("close"), status: z.enum(["completed", "stopped"]), closedOn: z.string(), reason: z.string().optional() }),
  z.object({ intent: z.literal("reopen") }),
  dismissSchema.extend({ intent: z.literal("dismiss") }),
  escalationSchema.extend({ intent: z.literal("escalation") }),
  contactSchema.extend({ intent: z.literal("contact") }),
  lessonSchema.extend({ intent: z.literal("lesson") }),
]);

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
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, id } = await visibleTrajectory(request, params.id);
  const actor = actorOf(user, context);
  const { formData, submission } = await readForm(request, actionSchema);
  const intent = String(formData.get("intent"));
  // Notes go by the step's row of the permission table; every other change needs trajectory.manage.
  const mayWriteNotes = writableNoteSteps(user.roles).length > 0;
  if (!can(user.roles, "trajectory.manage") && !(intent === "note" && mayWriteNotes)) forbidden();
  if (submission.status !== "success") return data({ intent, result: replyWithError(submission) }, { status: 400 });
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
      case "close": {
        const close = closeSchema.safeParse(value);
        if (!close.success) return data({ intent, result: submission.reply({ formErrors: [close.error.issues[0]?.message ?? "Controleer de gegevens."] }) }, { status: 400 });
        closeTrajectory(id, { ...close.data, reason: close.data.status === "stopped" ? close.data.reason : undefined }, actor);
        break;
      }
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
      case "lesson":
        addLesson(id, value.text, actor);
        break;
    }
  } catch (error) {
    return data({ intent, result: replyWithError(submission, error) }, { status: 400 });
  }
  return redirectWithFlash(`/trajecten/${id}`, FLASH[value.intent] ?? "Opgeslagen.");
}

function describeEvent(e: { kind: string; step: string | null; detail: Record<string, unknown> }): string {
  const step = e.step ? STEP_LABELS[e.step as keyof typeof STEP_LABELS] : "";
  switch (e.kind) {
    case "created":
      return "Traject gestart";
    case "step":
      return `${step}: ${STEP_STATE_LABELS[e.detail.from as keyof typeof STEP_STATE_LABELS]} → ${STEP_STATE_LABELS[e.detail.to as keyof typeof STEP_STATE_LABELS]}`;
    case "note":
      return `Notitie bij ${step}`;
    case "plan_revised":
      return `Plan van aanpak versie ${String(e.detail.version)}`;
    case "reanalysis_done":
      return "Herbeoordeling afgehandeld met een nieuwe planversie";
    case "signal_linked":
      return `Signaal ${String(e.detail.signal)} gekoppeld`;
    case "signal_unlinked":
      return `Signaal ${String(e.detail.signal)} ontkoppeld`;
    case "outcomes":
      return "Uitkomsten bijgewerkt";
    case "closed":
      return `Gesloten: ${TRAJECTORY_STATUS_LABELS[e.detail.status as keyof typeof TRAJECTORY_STATUS_LABELS] ?? ""}`;
    case "reopened":
      return "Heropend";
    case "reanalysis_needed":
      return "Nieuw of gewijzigd aanbestedingsstuk: herbeoordeling nodig";
    case "reanalysis_dismissed":
      return `Herbeoordeling afgehandeld zonder nieuwe planversie: ${String(e.detail.reason ?? "")}`;
    case "escalation":
      return "Escalatie vastgelegd";
    case "contact":
      return "Gesprek met externen vastgelegd";
    case "lesson":
      return "Les vastgelegd";
    default:
      return e.kind;
  }
}

export default function TrajectoryPage() {
  const { trajectory: t, isIntermediary, noteSteps, regionMunicipalities, advisers: adviserOptions, contacts, escalations, lessons, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const resultFor = (intent: string) => (answer?.intent === intent ? answer.result : undefined);
  const [noteForm, noteFields] = useForm({
    id: "step-note",
    lastResult: resultFor("note"),
    defaultValue: { step: noteSteps[0] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stepNoteSchema }),
    shouldValidate: "onSubmit",
  });
  const [planForm, planFields] = useForm({
    id: "plan",
    lastResult: resultFor("plan"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planRevisionSchema }),
    shouldValidate: "onSubmit",
  });
  const [outcomeForm, outcomeFields] = useForm({
    id: "outcomes",
    lastResult: resultFor("outcomes"),
    defaultValue: {
      outcomes: [
        t.forcesBundled ? "forces_bundled" : "",
        t.jointVision ? "joint_vision" : "",
        t.cooperativeFormed ? "cooperative_formed" : "",
        t.visionAdapted ? "vision_adapted" : "",
      ].filter(Boolean),
      contractsAwardedTotal: t.contractsAwardedTotal ?? "",
      municipalitiesConsulted: t.municipalitiesConsulted.map((m) => m.code),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomesSchema }),
    shouldValidate: "onSubmit",
  });
  const [linkForm, linkFields] = useForm({
    id: "link",
    lastResult: resultFor("link"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkSignalSchema }),
    shouldValidate: "onSubmit",
  });
  const simpleError = ["step", "close", "reopen", "advisers", "unlink"].includes(answer?.intent ?? "") ? answer?.result.error?.[""]?.[0] : undefined;
  const closed = t.status !== "active";
  return (
    <>
      <section className="rd-section">
        <Paragraph>
          <TextLink to="/trajecten">Terug naar trajecten</TextLink>
        </Paragraph>
        <Heading level={1}>Traject {t.regionName}</Heading>
        <Paragraph>
          <span className="rd-badge">{TRAJECTORY_STATUS_LABELS[t.status]}</span> · gestart op {t.startedOn}
          {t.closedOn ? ` · gesloten op ${t.closedOn}` : ""} · {t.providersInvolved} aanbieders
        </Paragraph>
        <Paragraph>Doel: {t.strategicGoal}</Paragraph>
        {simpleError ? <Alert type="error">{simpleError}</Alert> : null}
      </section>

      <section className="rd-section" aria-labelledby="attention-heading">
        <Heading level={2} id="attention-heading">
          Wat nu aandacht vraagt
        </Heading>
        {t.needsReanalysis ? (
          <>
            <Alert type="warning" title="Herbeoordeling nodig">
              <p className="utrecht-paragraph">
                Er zijn nieuwe of gewijzigde aanbestedingsstukken (<TextLink to={`/regios/${t.regionCode}`}>zie de regio</TextLink>). Leg een
                nieuwe planversie vast, of geef aan waarom dat niet nodig is.
              </p>
            </Alert>
            {isIntermediary ? <DismissReanalysisForm lastResult={resultFor("dismiss")} /> : null}
          </>
        ) : null}
        {t.attention.length === 0 ? (
          <Paragraph>Niets bijzonders.</Paragraph>
        ) : (
          <UnorderedList>
            {t.attention.map((item) => (
              <ListItem key={item.text}>
                {item.level === "urgent" ? <strong>Dringend: </strong> : null}
                {item.text}
              </ListItem>
            ))}
          </UnorderedList>
        )}
      </section>

      <section className="rd-section" aria-labelledby="steps-heading">
        <Heading level={2} id="steps-heading">
          De acht stappen
        </Heading>
        <Paragraph>Niet elke stap is nodig, en de volgorde volgt de inkoopprocedure van de regio.</Paragraph>
        <DataTable
          caption="Stappen en hun stand"
          rows={t.steps}
          rowKey={(s) => s.step}
          empty={null}
          columns={[
            { header: "Stap", rowHeader: true, cell: (s) => STEP_LABELS[s.step] },
            { header: "Stand", cell: (s) => <span className="rd-badge">{STEP_STATE_LABELS[s.state]}</span> },
            { header: "Sinds", cell: (s) => s.updatedAt.slice(0, 10) },
            {
              header: "Acties",
              cell: (s) =>
                isIntermediary && !closed ? (
                  <div className="rd-toolbar">
                    {actionsFor(s.state).map((a) => (
                      <ActionButton key={a} intent="step" label={STEP_ACTION_LABELS[a]} ariaLabel={`${STEP_ACTION_LABELS[a]}: ${STEP_LABELS[s.step]}`}>
                        <input type="hidden" name="step" value={s.step} />
                        <input type="hidden" name="action" value={a} />
                      </ActionButton>
                    ))}
                  </div>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </section>

      <section className="rd-section" aria-labelledby="notes-heading">
        <Heading level={2} id="notes-heading">
          Notities per stap
        </Heading>
        {t.notes.length === 0 ? <Paragraph>Nog geen notities.</Paragraph> : null}
        <UnorderedList>
          {t.notes.map((n) => (
            <ListItem key={n.id}>
              <span className="rd-muted">
                {STEP_LABELS[n.step]} · {n.at.slice(0, 16).replace("T", " ")} · {n.author ?? "onbekend"}
              </span>
              <p className="utrecht-paragraph rd-pre">{n.body}</p>
            </ListItem>
          ))}
        </UnorderedList>
        <AppForm form={noteForm} submitLabel="Notitie toevoegen">
          <input type="hidden" name="intent" value="note" />
          {noteSteps.length > 1 ? (
            <SelectField field={noteFields.step} label="Bij stap" options={noteSteps.map((step) => ({ value: step, label: STEP_LABELS[step] }))} />
          ) : (
            <input type="hidden" name="step" value={noteSteps[0]} />
          )}
          <TextAreaField field={noteFields.body} label={noteSteps.length > 1 ? "Notitie" : "Analysenotitie (stap 2)"} rows={4} />
        </AppForm>
      </section>

      <section className="rd-section" aria-labelledby="plan-heading">
        <Heading level={2} id="plan-heading">
          Plan van aanpak
        </Heading>
        <Paragraph>
          {t.planCount === 0 ? "Nog geen versie." : `${t.planCount} ${t.planCount === 1 ? "versie" : "versies"}.`}{" "}
          {t.planCount > 0 ? <TextLink to={`/trajecten/${t.id}/plan`}>Lees en vergelijk de versies</TextLink> : null}
        </Paragraph>
        {isIntermediary ? (
          <AppForm form={planForm} submitLabel="Nieuwe versie opslaan">
            <input type="hidden" name="intent" value="plan" />
            <TextAreaField field={planFields.body} label="Tekst van het plan (volledige nieuwe versie)" rows={8} />
            <TextField field={planFields.reason} label="Reden van deze versie" description="Bijvoorbeeld: nieuwe nota van inlichtingen verwerkt." />
          </AppForm>
        ) : null}
      </section>

      <section className="rd-section" aria-labelledby="signals-heading">
        <Heading level={2} id="signals-heading">
          Gekoppelde signalen
        </Heading>
        <DataTable
          caption="Signalen in dit traject"
          rows={t.linkedSignals}
          rowKey={(s) => s.id}
          empty={<Paragraph>Nog geen signalen gekoppeld.</Paragraph>}
          columns={[
            { header: "Signaal", rowHeader: true, cell: (s) => (isIntermediary ? <TextLink to={`/signalen/${s.id}`}>Signaal {s.id}</TextLink> : `Signaal ${s.id}`) },
            { header: "Binnen", cell: (s) => s.receivedOn },
            { header: "Soort vraag", cell: (s) => TOPIC_LABELS[s.topic] },
            { header: "Status", cell: (s) => STATUS_LABELS[s.status] },
            ...(isIntermediary
              ? [
                  {
                    header: "Ontkoppelen",
                    cell: (s: { id: number }) => (
                      <ActionButton intent="unlink" label="Ontkoppelen" ariaLabel={`Signaal ${s.id} ontkoppelen`}>
                        <input type="hidden" name="signalId" value={s.id} />
                      </ActionButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {isIntermediary ? (
          <AppForm form={linkForm} submitLabel="Signaal koppelen">
            <input type="hidden" name="intent" value="link" />
            <TextField field={linkFields.signalId} label="Signaalnummer" />
          </AppForm>
        ) : null}
      </section>

      <section className="rd-section" aria-labelledby="people-heading">
        <Heading level={2} id="people-heading">
          Betrokkenen
        </Heading>
        <Paragraph>Gemeenten: {t.municipalitiesInvolved.map((m) => m.name).join(", ") || "geen gekozen"}.</Paragraph>
        <Paragraph>Beroepsverenigingen: {t.associations.map((a) => ASSOCIATION_LABELS[a]).join(", ") || "geen gekozen"}.</Paragraph>
        <Paragraph>Regioadviseurs: {t.advisers.map((a) => a.name).join(", ") || "geen"}.</Paragraph>
        {isIntermediary ? (
          <Form method="post" className="rd-toolbar">
            <CsrfField />
            <input type="hidden" name="intent" value="advisers" />
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend">Regioadviseurs die dit traject zien</legend>
              {adviserOptions.length === 0 ? <Paragraph>Er zijn nog geen accounts met de rol regioadviseur.</Paragraph> : null}
              {adviserOptions.map((a) => (
                <div key={a.id} className="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    id={`adviser-${a.id}`}
                    type="checkbox"
                    name="adviserIds"
                    value={a.id}
                    defaultChecked={t.advisers.some((x) => x.id === a.id)}
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                  />{" "}
                  <label htmlFor={`adviser-${a.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
                    {a.name}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              Regioadviseurs opslaan
            </button>
          </Form>
        ) : null}
      </section>

      {isIntermediary ? (
        <>
          <ContactsSection contacts={contacts} lastResult={resultFor("contact")} today={today} />
          <EscalationsSection escalations={escalations} lastResult={resultFor("escalation")} today={today} />
        </>
      ) : null}

      <section className="rd-section" aria-labelledby="milestones-heading">
        <Heading level={2} id="milestones-heading">
          Aanbestedingsstukken van de regio (stap 7)
        </Heading>
        {t.milestones.length === 0 ? <Paragraph>Nog geen mijlpalen of documenten.</Paragraph> : null}
        <UnorderedList>
          {t.milestones.map((m) => (
            <ListItem key={m.id}>
              {m.dueOn} · {MILESTONE_LABELS[m.kind]} · {m.title}
            </ListItem>
          ))}
        </UnorderedList>
        <TextLink to={`/regios/${t.regionCode}`}>{isIntermediary ? "Mijlpalen en documenten bijhouden" : "Naar de regio"}</TextLink>
      </section>

      {isIntermediary ? <LessonsSection lessons={lessons} lastResult={resultFor("lesson")} /> : null}

      {isIntermediary ? (
        <section className="rd-section" aria-labelledby="outcomes-heading">
          <Heading level={2} id="outcomes-heading">
            Uitkomsten
          </Heading>
          <AppForm form={outcomeForm} submitLabel="Uitkomsten opslaan">
            <input type="hidden" name="intent" value="outcomes" />
            <CheckboxGroup field={outcomeFields.outcomes} legend="Bereikt" options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <input id="contract-won" type="checkbox" name="contractWon" value="yes" defaultChecked={t.contractWon} className="utrecht-checkbox utrecht-checkbox--html-input" />{" "}
              <label htmlFor="contract-won" className="utrecht-form-label utrecht-form-label--checkbox">
                De coöperatie heeft een contract gewonnen
              </label>
            </div>
            <TextField field={outcomeFields.contractsAwardedTotal} label="Aantal gegunde contracten in totaal (niet verplicht)" />
            <CheckboxGroup
              field={outcomeFields.municipalitiesConsulted}
              legend="Gemeenten waar aanbieders meepraatten over de inkoopvisie"
              options={regionMunicipalities.map((m) => ({ value: m.code, label: m.name }))}
            />
          </AppForm>
        </section>
      ) : null}

      {isIntermediary ? (
        <section className="rd-section" aria-labelledby="close-heading">
          <Heading level={2} id="close-heading">
            {closed ? "Heropenen" : "Afsluiten"}
          </Heading>
          {closed ? (
            <>
              {t.closeReason ? <Paragraph>Reden van stoppen: {t.closeReason}</Paragraph> : null}
              <ActionButton intent="reopen" label="Traject heropenen" />
            </>
          ) : (
            <Form method="post" className="utrecht-form rd-form">
              <CsrfField />
              <input type="hidden" name="intent" value="close" />
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend">Is het strategische doel bereikt?</legend>
                <div className="utrecht-form-field utrecht-form-field--radio">
                  <input id="close-completed" type="radio" name="status" value="completed" defaultChecked className="utrecht-radio-button" />{" "}
                  <label htmlFor="close-completed" className="utrecht-form-label">
                    Ja, doel bereikt (afgerond)
                  </label>
                </div>
                <div className="utrecht-form-field utrecht-form-field--radio">
                  <input id="close-stopped" type="radio" name="status" value="stopped" className="utrecht-radio-button" />{" "}
                  <label htmlFor="close-stopped" className="utrecht-form-label">
                    Nee, gestopt
                  </label>
                </div>
              </fieldset>
              <label htmlFor="close-reason" className="utrecht-form-label">
                Reden (verplicht bij stoppen)
              </label>
              <textarea id="close-reason" name="reason" rows={2} className="utrecht-textarea utrecht-textarea--html-textarea" />
              <label htmlFor="close-on" className="utrecht-form-label">
                Einddatum
              </label>
              <input id="close-on" name="closedOn" type="date" defaultValue={today} className="utrecht-textbox utrecht-textbox--html-input" />
              <div className="utrecht-button-group">
                <button type="submit" className="utrecht-button utrecht-button--primary-action">
                  Traject afsluiten
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}

      <section className="rd-section" aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">
          Geschiedenis
        </Heading>
        <UnorderedList>
          {t.history.map((e) => (
            <ListItem key={e.id}>
              {e.at.slice(0, 16).replace("T", " ")} · {e.user ?? "systeem"} · {describeEvent(e)}
            </ListItem>
          ))}
        </UnorderedList>
      </section>
      {isIntermediary ? (
        <p>
          <ButtonLink to={`/trajecten/nieuw`}>Nog een traject starten</ButtonLink>
        </p>
      ) : null}
    </>
  );
}

