import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordNumber } from "~/domain/url-params";
import { downloadAttachment } from "~/models/attachment.server";
import { attachmentResponse } from "~/utils/download.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

/** A file kept with a signal: for whoever may open the signal, sent as a download only, every download audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.readIdentity");
  const signalId = recordNumber(params.id) ?? notFound("Deze bijlage");
  const attachmentId = recordNumber(params.attachmentId) ?? notFound("Deze bijlage");
  return attachmentResponse(() => downloadAttachment({ kind: "signal", id: signalId }, attachmentId, actorOf(user, context)));
}
