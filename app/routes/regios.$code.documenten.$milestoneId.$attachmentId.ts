import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadAttachment } from "~/models/attachment.server";
import { regionOfMilestone } from "~/models/procurement.server";
import { mayOpenRegion } from "~/models/region-overview.server";
import { attachmentResponse } from "~/utils/download.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { notFound, recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

/** A file kept with a region's procurement document: for whoever may open the region's page, as a download, audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "region.readOwn");
  // Rights first, so an adviser cannot probe which regions have documents.
  if (!mayOpenRegion(params.code ?? "", user)) forbidden();
  const milestoneId = recordOr404(params.milestoneId, "Deze bijlage");
  const attachmentId = recordOr404(params.attachmentId, "Deze bijlage");
  if (regionOfMilestone(milestoneId) !== params.code) notFound("Deze bijlage");
  return attachmentResponse(() => downloadAttachment({ kind: "milestone", id: milestoneId }, attachmentId, actorOf(user, context)));
}
