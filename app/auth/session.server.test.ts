import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { createFirstAccount } from "~/models/account.server";
import { prepareDatabase } from "~/boot.server";
import { createSession, sessionUserId } from "./session.server";

const SECOND = 1_000;
const T0 = Date.UTC(2030, 5, 1, 9, 0, 0);
let userId: number;

beforeAll(async () => {
  useTempDatabase({ SESSION_IDLE_MINUTES: "1" });
  prepareDatabase();
  userId = await createFirstAccount({ email: "sessie@example.org", name: "Sanne Sessie", password: "een lange zin als wachtwoord" }, { userId: null, clientAddress: "192.0.2.1" });
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterAll(() => {
  vi.useRealTimers();
});

async function newSession(): Promise<Request> {
  vi.setSystemTime(T0);
  const cookie = await createSession(userId, { clientAddress: "192.0.2.9", userAgent: null });
  return new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
}

async function liveAt(request: Request, msAfterLogin: number): Promise<boolean> {
  vi.setSystemTime(T0 + msAfterLogin);
  return (await sessionUserId(request))?.userId === userId;
}

describe("idle limit (SESSION_IDLE_MINUTES=1)", () => {
  it("keeps a session alive that makes a request every 50 seconds", async () => {
    const request = await newSession();
    for (const at of [50, 100, 150, 200, 250]) expect(await liveAt(request, at * SECOND), `after ${at} s`).toBe(true);
  });

  it("keeps a session alive with requests just under the limit apart, however they fall", async () => {
    const request = await newSession();
    for (const at of [59, 118, 177, 236]) expect(await liveAt(request, at * SECOND), `after ${at} s`).toBe(true);
  });

  it("ends a session after a minute without a request", async () => {
    const request = await newSession();
    expect(await liveAt(request, 30 * SECOND)).toBe(true);
    expect(await liveAt(request, 91 * SECOND)).toBe(false);
  });
});
