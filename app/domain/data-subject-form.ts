import { z } from "zod";

/**
 * Forms of the data-subject page. The e-mail address or name of a data subject is itself confidential, so every form
 * posts it (never in a URL) and the forms after the search carry it back as hidden fields.
 */
const subject = {
  email: z.string().trim().email("Vul een geldig e-mailadres in.").max(254).optional(),
  name: z.string().trim().min(3, "Vul minstens 3 tekens van de naam in.").max(200, "Gebruik hoogstens 200 tekens.").optional(),
};

export const subjectSearchSchema = z.object(subject);

export type SubjectQuery = z.infer<typeof subjectSearchSchema>;

const selection = { ...subject, signalId: z.array(z.coerce.number().int().positive()).default([]) };

export const subjectExportSchema = z.object(selection);

export const subjectActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("search"), ...subject }),
  z.object({ intent: z.literal("review"), ...selection }),
  z.object({
    intent: z.literal("erase"),
    ...selection,
    confirm: z.literal("yes", { errorMap: () => ({ message: "Bevestig dat u deze gegevens definitief wilt wissen." }) }),
  }),
]);
