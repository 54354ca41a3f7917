import { redirect } from "@remix-run/node";
import { appCookie } from "./cookies.server";

/** A one-time confirmation ("Account aangemaakt") carried across the redirect after a successful form. */
function flashCookie() {
  return appCookie("rd_flash", { maxAge: 60 });
}

export async function redirectWithFlash(to: string, message: string, headers: Headers = new Headers()) {
  headers.append("Set-Cookie", await flashCookie().serialize(message));
  return redirect(to, { headers });
}

export async function takeFlash(request: Request): Promise<{ message?: string; setCookie?: string }> {
  const value: unknown = await flashCookie().parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !value) return {};
  return { message: value, setCookie: await flashCookie().serialize("", { maxAge: 0 }) };
}
