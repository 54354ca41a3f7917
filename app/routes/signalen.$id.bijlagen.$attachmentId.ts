import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { recordNumber } from "~/domain/url-params";
import { downloadAttachment } from "~/models/attachment.server";
import { attachmentHeaders } from "~/utils/download.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";

/** A file kept with a signal: for whoever may open the signal, sent as a download only, every download audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "signal.readIdentity");
  const signalId = recordNumber(params.id) ?? notFound("Deze bijlage");
  const attachmentId = recordNumber(params.attachmentId) ?? notFound("Deze bijlage");
  try {
    const file = downloadAttachment(signalId, attachmentId, actorOf(user, context));
    return new Response(new Uint8Array(file.bytes), { headers: attachmentHeaders(file.name, file.contentType, file.bytes.byteLength) });
  } catch (error) {
    if (error instanceof DomainError && error.code === "ATTACHMENT.NOT_FOUND") notFound("Deze bijlage");
    throw error;
  }
}
