import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { requireCsrf, freshCsrfToken } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { currentUser } from "~/auth/guard.server";
import { actorOf } from "~/utils/request.server";
import { destroySession } from "~/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCsrf(request, await readFormData(request));
  const user = await currentUser(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await destroySession(request));
  headers.append("Set-Cookie", (await freshCsrfToken()).setCookie);
  headers.append("Clear-Site-Data", '"cache", "storage"');
  if (user) audit(actorOf(user, context), "auth.logout", { type: "user", id: user.id });
  return redirect("/login", { headers });
}
