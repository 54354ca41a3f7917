import { z } from "zod";
import { dateField } from "./dates";
import {
  ASSOCIATIONS,
  CHANNELS,
  FUNDINGS,
  PHASES,
  PROCEDURES,
  REFERRERS,
  REQUESTER_TYPES,
  STATUSES,
  TOPICS,
  TRIGGERS,
} from "./signal-codes";

/** Forms of signals: one schema per form, used by conform in the browser and by the action on the server. */
/** A refused choice says which one, so the error summary names the field. */
const choose = (what: string) => ({ errorMap: () => ({ message: `Kies ${what}.` }) });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik hoogstens ${max.toLocaleString("nl-NL")} tekens.`)
    .optional();

export const classificationSchema = z.object({
  receivedOn: dateField("past", "Vul de datum van binnenkomst in."),
  channel: z.enum(CHANNELS, choose("hoe het signaal binnenkwam")),
  requesterType: z.enum(REQUESTER_TYPES, choose("van wie het signaal afkomstig is")),
  referredBy: z.enum(REFERRERS, choose("wie het signaal aandroeg")),
  // Optional on its own: a municipality names its region (the server derives and checks it).
  regionCode: z.string().regex(/^JZ\d{2}$/, "Kies een regio of een gemeente.").optional(),
  /** The municipality as typed (its whole name, or its GM code); the server finds it and derives the region. */
  municipality: z.string().trim().max(120, "Kies een gemeente uit de lijst.").optional(),
  association: z.enum(ASSOCIATIONS, choose("een beroepsvereniging uit de lijst")).optional(),
  topic: z.enum(TOPICS, choose("de soort vraag")),
  procurementPhase: z.enum(PHASES, choose("de fase van de inkoop")),
  triggers: z.array(z.enum(TRIGGERS)).default([]),
  procedure: z.enum(PROCEDURES, choose("de procedure")).default("unknown"),
  funding: z.enum(FUNDINGS, choose("de financieringsvorm")).default("unknown"),
  segment: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{1,40}$/, "Gebruik kleine letters, cijfers en _ (bijv. ambulant, verblijf).")
    .optional(),
});

/** Who reported a signal, as the intake and the public form both ask it: one rule for both. */
export const reporterIdentityFields = {
  reporterName: optionalText(200),
  reporterOrganisation: optionalText(200),
  reporterEmail: z.string().trim().email("Vul een geldig e-mailadres in.").max(254, "Gebruik hoogstens 254 tekens.").optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-\s]{6,20}$/, "Vul een geldig telefoonnummer in.")
    .optional(),
};

export const confidentialSchema = z.object({
  summary: z.string({ required_error: "Vat het signaal kort samen." }).trim().min(3, "Vat het signaal kort samen.").max(2000, "Gebruik hoogstens 2.000 tekens."),
  details: optionalText(10_000),
  ...reporterIdentityFields,
});

export const intakeSchema = classificationSchema.merge(confidentialSchema);

export type Classification = z.infer<typeof classificationSchema>;
export type Confidential = z.infer<typeof confidentialSchema>;
export type IntakeInput = z.infer<typeof intakeSchema>;

export const statusSchema = z.object({ status: z.enum(STATUSES) });
/** The newest note or message id a form was shown with: a second send of the same form is recognised by it. */
export const afterSchema = z.coerce.number().int().min(0).optional();

export const noteSchema = z.object({
  after: afterSchema,
  body: z.string({ required_error: "Schrijf een notitie." }).trim().min(1, "Schrijf een notitie.").max(5000, "Gebruik hoogstens 5.000 tekens."),
});
export const assignSchema = z.object({ assignedTo: z.coerce.number({ invalid_type_error: "Kies een medewerker." }).int().positive("Kies een medewerker.").optional() });
export const linkSchema = z.object({
  trajectoryId: z.coerce.number({ required_error: "Kies een traject.", invalid_type_error: "Kies een traject." }).int().positive("Kies een traject."),
});
