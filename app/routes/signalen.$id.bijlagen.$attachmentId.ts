import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadAttachment } from "~/models/attachment.server";
import { attachmentResponse } from "~/utils/download.server";
import { requireUser } from "~/auth/guard.server";
import { recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

/** A file kept with a signal: for whoever may open the signal, sent as a download only, every download audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.readIdentity");
  const signalId = recordOr404(params.id, "Deze bijlage");
  const attachmentId = recordOr404(params.attachmentId, "Deze bijlage");
  return attachmentResponse(() => downloadAttachment({ kind: "signal", id: signalId }, attachmentId, actorOf(user, context)));
}
