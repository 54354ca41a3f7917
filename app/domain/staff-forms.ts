import { z } from "zod";
import { newPasswordField } from "./password-rules";
import { ROLES } from "./roles";

/** Schemas shared by the admin's account forms (browser and server validate with the same rules). */
const email = z
  .string({ required_error: "Vul een e-mailadres in." })
  .trim()
  .email("Vul een geldig e-mailadres in.")
  .max(254, "Dit e-mailadres is te lang.");
const name = z.string({ required_error: "Vul een naam in." }).trim().min(2, "Vul een naam in.").max(120, "Gebruik hoogstens 120 tekens.");
const roles = z.array(z.enum(ROLES), { required_error: "Kies minstens één rol." }).min(1, "Kies minstens één rol.");

export const staffDetailsSchema = z.object({ name, email, roles });

export const newStaffSchema = staffDetailsSchema.extend({ temporaryPassword: newPasswordField });

export const temporaryPasswordSchema = z.object({ temporaryPassword: newPasswordField });
