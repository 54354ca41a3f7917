import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadAttachment } from "~/models/attachment.server";
import { canSee } from "~/models/trajectory.server";
import { attachmentResponse } from "~/utils/download.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { recordOr404 } from "~/utils/not-found.server";
import { actorOf } from "~/utils/request.server";

/** A file kept with a trajectory: for whoever may open the trajectory, sent as a download only, every download audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trajectory.readAssigned");
  const trajectoryId = recordOr404(params.id, "Deze bijlage");
  const attachmentId = recordOr404(params.attachmentId, "Deze bijlage");
  // Rights first, so an adviser cannot probe which trajectories have files.
  if (!canSee(trajectoryId, user)) forbidden();
  return attachmentResponse(() => downloadAttachment({ kind: "trajectory", id: trajectoryId }, attachmentId, actorOf(user, context)));
}
