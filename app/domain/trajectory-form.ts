import { z } from "zod";
import { dateField } from "./dates";
import { countLines, MAX_PLAN_LINES } from "./plan-versions";
import { ASSOCIATIONS } from "./signal-codes";
import { STEP_ACTION_CODES } from "./trajectory-workflow";
import { CONTACT_KINDS, ESCALATION_TYPES, MILESTONE_KINDS, STEPS } from "./trajectory-codes";

export const newTrajectorySchema = z.object({
  regionCode: z.string({ required_error: "Kies een regio." }).regex(/^JZ\d{2}$/, "Kies een regio."),
  municipalities: z.array(z.string().regex(/^GM\d{4}$/)).default([]),
  associations: z.array(z.enum(ASSOCIATIONS)).default([]),
  providersInvolved: z.coerce.number({ invalid_type_error: "Vul een aantal in." }).int().min(0, "Vul een aantal in.").max(10_000).default(0),
  strategicGoal: z.string({ required_error: "Beschrijf het strategische doel." }).trim().min(5, "Beschrijf het strategische doel.").max(2000),
  startedOn: dateField("past", "Vul de startdatum in."),
  signalId: z.coerce.number().int().positive().optional(),
});

export const stepActionSchema = z.object({ step: z.enum(STEPS), action: z.enum(STEP_ACTION_CODES as [string, ...string[]]) });

export const stepNoteSchema = z.object({
  step: z.enum(STEPS, { errorMap: () => ({ message: "Kies een stap." }) }),
  body: z.string({ required_error: "Schrijf een notitie." }).trim().min(1, "Schrijf een notitie.").max(10_000),
});

export const MAX_PLAN_LENGTH = 50_000;

export const planRevisionSchema = z.object({
  body: z
    .string({ required_error: "Schrijf het plan van aanpak." })
    .trim()
    .min(10, "Schrijf het plan van aanpak.")
    .max(MAX_PLAN_LENGTH, `Het plan is te lang: hoogstens ${MAX_PLAN_LENGTH.toLocaleString("nl-NL")} tekens. Zet bijlagen elders en verwijs ernaar.`)
    .superRefine((body, ctx) => {
      const lines = countLines(body);
      if (lines > MAX_PLAN_LINES) {
        const message = `Het plan telt ${lines.toLocaleString("nl-NL")} regels; hoogstens ${MAX_PLAN_LINES.toLocaleString("nl-NL")} passen in een plan dat nog te vergelijken is.`;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      }
    }),
  reason: z.string({ required_error: "Geef de reden van deze versie." }).trim().min(3, "Geef de reden van deze versie.").max(500),
});

export const linkSignalSchema = z.object({ signalId: z.coerce.number({ invalid_type_error: "Vul een signaalnummer in." }).int().positive("Vul een signaalnummer in.") });

export const outcomesSchema = z.object({
  outcomes: z.array(z.enum(["forces_bundled", "joint_vision", "cooperative_formed", "vision_adapted"])).default([]),
  contractWon: z.literal("yes").optional(),
  contractsAwardedTotal: z.coerce.number().int().min(0).max(10_000).optional(),
  municipalitiesConsulted: z.array(z.string().regex(/^GM\d{4}$/)).default([]),
});

/** Closing: the fields of the form; a stop needs its reason (`requireStopReason`), which the action checks too. */
export const closeFields = z.object({
  status: z.enum(["completed", "stopped"], { errorMap: () => ({ message: "Kies of het doel is bereikt." }) }),
  closedOn: dateField("past", "Vul de einddatum in."),
  reason: z.string().trim().max(1000, "Gebruik hoogstens 1.000 tekens.").optional(),
  /** Ticked to close although steps are still in progress (the server asks first). */
  confirmActiveSteps: z.literal("yes").optional(),
});

export function requireStopReason(value: { status?: string; reason?: string }, ctx: z.RefinementCtx): void {
  if (value.status === "stopped" && (value.reason ?? "").length < 3) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "Geef de reden van het stoppen." });
  }
}

export const closeSchema = closeFields.superRefine(requireStopReason);

export const adviserSchema = z.object({ adviserIds: z.array(z.coerce.number().int().positive()).default([]) });

export const milestoneSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  kind: z.enum(MILESTONE_KINDS, { errorMap: () => ({ message: "Kies een soort." }) }),
  dueOn: dateField("planned", "Vul de datum in."),
  title: z.string({ required_error: "Geef een titel." }).trim().min(2, "Geef een titel.").max(300),
  reference: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
});

export const dismissSchema = z.object({
  reason: z.string({ required_error: "Geef de reden." }).trim().min(3, "Geef de reden.").max(1000),
});

export const escalationSchema = z.object({
  happenedOn: dateField("past", "Vul de datum in."),
  types: z.array(z.enum(ESCALATION_TYPES), { required_error: "Kies minstens één soort escalatie." }).min(1, "Kies minstens één soort escalatie."),
  description: z.string().trim().max(5000).optional(),
});

export const contactSchema = z.object({
  heldOn: dateField("past", "Vul de datum in."),
  kind: z.enum(CONTACT_KINDS, { errorMap: () => ({ message: "Kies een soort." }) }),
  organisations: z.string({ required_error: "Noem wie er aanwezig waren." }).trim().min(2, "Noem wie er aanwezig waren.").max(1000),
  summary: z.string({ required_error: "Vat het gesprek samen." }).trim().min(3, "Vat het gesprek samen.").max(10_000),
});

export const lessonSchema = z.object({
  text: z.string({ required_error: "Beschrijf de les." }).trim().min(5, "Beschrijf de les.").max(5000),
});
