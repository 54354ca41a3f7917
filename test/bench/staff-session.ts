import fs from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";

/**
 * A logged-in intermediary for the HTTP benchmarks, made the way a person makes one: the one-time setup link from the
 * server's console, the first account, the real login form, and the second factor enrolled with a TOTP code from the
 * key the page shows. Every form is posted with its CSRF token and our own Origin, as the browser does.
 */
class CookieJar {
  private cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), value.join("="));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function get(base: string, path: string, jar: CookieJar): Promise<string> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" });
  jar.take(response);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

async function post(base: string, path: string, jar: CookieJar, fields: Record<string, string>): Promise<Response> {
  const html = await get(base, path, jar);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`Geen CSRF-token op ${path}.`);
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { cookie: jar.header(), origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrf }).toString(),
    redirect: "manual",
  });
  jar.take(response);
  return response;
}

/**
 * Creates the first account through the setup link printed in `serverOutput`, logs in, enrols; returns the Cookie
 * header. With `keep` (a database kept with BENCH_DIR) the TOTP key is saved there, and a later run on that database,
 * which prints no setup link, logs in with the password and a code instead.
 */
export async function intermediarySession(base: string, serverOutput: string, keep?: string): Promise<string> {
  const credentials = { email: "bench@example.org", password: "meten aan de postvakpagina 2026" };
  const setupPath = /(\/setup\?token=[A-Za-z0-9_-]+)/.exec(serverOutput)?.[1];
  const saved = keep ? path.join(keep, "bench-login.json") : undefined;
  const jar = new CookieJar();
  if (!setupPath && saved && fs.existsSync(saved)) {
    const { key } = JSON.parse(fs.readFileSync(saved, "utf8")) as { key: string };
    const login = await post(base, "/login", jar, credentials);
    const codePath = login.headers.get("location") ?? "";
    if (!codePath.startsWith("/login/code")) throw new Error(`Login: ${login.status} ${codePath}`);
    const answered = await post(base, codePath, jar, { code: new TOTP({ secret: Secret.fromBase32(key) }).generate() });
    if (answered.status !== 302) throw new Error(`Code: ${answered.status}`);
    await get(base, "/signalen", jar);
    return jar.header();
  }
  if (!setupPath) throw new Error(`De setup-link staat niet in de uitvoer van de server: ${serverOutput.slice(0, 400)}`);
  const token = new URL(setupPath, base).searchParams.get("token") ?? "";
  const created = await post(base, setupPath, jar, { token, name: "Bench Intermediair", ...credentials, confirmPassword: credentials.password });
  if (created.status !== 302) throw new Error(`Setup: ${created.status}`);
  const login = await post(base, "/login", jar, credentials);
  if (login.headers.get("location") !== "/account/tweede-stap") throw new Error(`Login: ${login.status} ${login.headers.get("location")}`);
  const key = (/data-testid="totp-key">([^<]+)</.exec(await get(base, "/account/tweede-stap", jar))?.[1] ?? "").replace(/\s+/g, "");
  const code = new TOTP({ secret: Secret.fromBase32(key) }).generate();
  const enrolled = await post(base, "/account/tweede-stap", jar, { code });
  if (enrolled.status !== 200 || !(await enrolled.text()).includes("recovery-codes")) throw new Error(`Tweede stap: ${enrolled.status}`);
  if (saved) fs.writeFileSync(saved, JSON.stringify({ key }));
  await get(base, "/signalen", jar);
  return jar.header();
}
