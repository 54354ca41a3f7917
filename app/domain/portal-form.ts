import { z } from "zod";
import { megabytes, type FileLimits } from "./file-limits";
import { ASSOCIATIONS, REQUESTER_TYPES } from "./signal-codes";
import { afterSchema, reporterIdentityFields } from "./signal-form";

/** The public form speaks plain Dutch; these choices map onto DESIGN.md codes ("weet ik niet" → other / none). */
export const PORTAL_TOPICS = [
  { value: "strategy_advice", label: "Advies over onze strategie, nu er veel verandert" },
  { value: "quality_admission", label: "Eisen voor kwaliteit of toelating" },
  { value: "gdpr", label: "Privacy (AVG)" },
  { value: "contract_change", label: "Een wijziging in ons lopende contract (budgetplafond, extra documenten, de relatie met de gemeente)" },
  { value: "other", label: "Iets anders, of ik weet het niet" },
] as const;

export const PORTAL_PHASES = [
  { value: "upcoming_tender", label: "Er komt een aanbesteding aan" },
  { value: "running_tender", label: "Er loopt nu een aanbesteding" },
  { value: "contracting", label: "We moeten nog een contract sluiten" },
  { value: "running_contract", label: "We hebben een lopend contract" },
  { value: "none", label: "Weet ik niet, of geen van deze" },
] as const;

export const PORTAL_REQUESTERS = [
  { value: "provider", label: "Vrijgevestigde aanbieder (praktijk)" },
  { value: "municipality", label: "Gemeente" },
  { value: "region", label: "Jeugdhulpregio" },
  { value: "association", label: "Beroeps- of brancheorganisatie" },
  { value: "other", label: "Anders" },
] as const;

/** The public form's fields; how many files and how large come from the settings (file-limits.ts). */
export const portalSchemaFor = (limits: FileLimits) =>
  z
  .object({
    requesterType: z.enum(REQUESTER_TYPES, { errorMap: () => ({ message: "Kies als wie u meldt." }) }),
    association: z.enum(ASSOCIATIONS, { errorMap: () => ({ message: "Kies een beroepsvereniging uit de lijst." }) }).optional(),
    regionCode: z.string().regex(/^JZ\d{2}$/, "Kies uw regio.").optional(),
    municipality: z.string().trim().max(120, "Kies een gemeente uit de lijst.").optional(),
    topic: z.enum(["strategy_advice", "quality_admission", "gdpr", "contract_change", "other"], { errorMap: () => ({ message: "Kies waar uw melding over gaat." }) }),
    procurementPhase: z.enum(["upcoming_tender", "running_tender", "contracting", "running_contract", "none"], {
      errorMap: () => ({ message: "Kies waar de inkoop staat." }),
    }),
    message: z
      .string({ required_error: "Vertel wat er aan de hand is." })
      .trim()
      .min(10, "Vertel wat er aan de hand is (minstens een zin).")
      .max(10_000, "Gebruik hoogstens 10.000 tekens."),
    contact: z.enum(["anonymous", "confidential"], { errorMap: () => ({ message: "Kies anoniem of vertrouwelijk met contactgegevens." }) }),
    ...reporterIdentityFields,
    /** "Laat mij weten als er een antwoord is": only with contact details and an e-mail address (the model checks). */
    notifyOnAnswer: z.literal("yes").optional(),
    /** Documents the report is about (a tender, a letter): kept only when their bytes say what Rode Draad keeps. */
    files: z
      .array(z.instanceof(File).refine((file) => file.size <= limits.maxBytes, `Een bestand is groter dan ${megabytes(limits.maxBytes)}; kies een kleiner bestand.`))
      .max(limits.portalMaxFiles, limits.portalMaxFiles === 0 ? "Dit formulier neemt geen bestanden aan." : `Voeg hoogstens ${limits.portalMaxFiles} bestanden toe.`)
      .optional(),
    /** Honeypot: hidden from people, filled in by bots. */
    website: z.string().optional(),
  })
  .refine((v) => v.regionCode || v.municipality, { message: "Kies uw regio.", path: ["regionCode"] })
  .refine((v) => v.contact === "anonymous" || v.reporterEmail || v.reporterPhone, {
    message: "Vul een e-mailadres of telefoonnummer in, zodat de intermediair u kan bereiken.",
    path: ["reporterEmail"],
  });

export type PortalInput = z.infer<ReturnType<typeof portalSchemaFor>>;

export const followUpSchema = z.object({
  code: z.string({ required_error: "Vul uw ontvangstcode in." }).trim().min(1, "Vul uw ontvangstcode in.").max(60),
  message: z.string().trim().max(10_000, "Gebruik hoogstens 10.000 tekens.").optional(),
});

export const replySchema = z.object({
  after: afterSchema,
  body: z.string({ required_error: "Schrijf een bericht." }).trim().min(1, "Schrijf een bericht.").max(10_000, "Gebruik hoogstens 10.000 tekens."),
});
