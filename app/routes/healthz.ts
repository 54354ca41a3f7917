import { databaseAnswers } from "~/models/health.server";

export function loader() {
  return databaseAnswers() ? Response.json({ ok: true }) : Response.json({ ok: false }, { status: 503 });
}
