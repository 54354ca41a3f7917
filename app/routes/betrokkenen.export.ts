import type { ActionFunctionArgs } from "@remix-run/node";
import { todayInTheNetherlands } from "~/domain/dates";
import { subjectExportSchema } from "~/domain/data-subject-form";
import { DomainError } from "~/domain/errors";
import { exportDataSubject } from "~/models/data-subject.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form.server";
import { requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

/** The AVG art. 15 copy as a download; a resource route, because a page's action cannot answer with a file. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "dataSubject.handle");
  const { submission } = await readForm(request, subjectExportSchema);
  if (submission.status !== "success") return redirectWithFlash("/betrokkenen", "Zoek opnieuw en kies wat u wilt exporteren.");
  const { signalId, ...query } = submission.value;
  try {
    const document = exportDataSubject(query, signalId, actorOf(user, context));
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="betrokkene-${todayInTheNetherlands()}.json"`,
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return redirectWithFlash("/betrokkenen", error.message);
    throw error;
  }
}
