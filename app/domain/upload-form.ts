import { z } from "zod";

/**
 * The upload step of an import: a file, not empty. The same schema checks it in the browser and in the action, so
 * "choose a file" and "this file is empty" are said at the file field like any other field's error.
 */
export function uploadSchema(choose: string) {
  return z.object({
    intent: z.literal("upload"),
    file: z.instanceof(File, { message: choose }).refine((file) => file.size > 0, "Het gekozen bestand is leeg."),
  });
}
