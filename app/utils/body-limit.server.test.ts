import { describe, expect, it } from "vitest";
import { DEFAULT_FILE_LIMITS } from "~/domain/file-limits";
import { BODY_LIMITS, bodyLimitFor, fileBodyLimits } from "./body-limit.server";

const FILES = fileBodyLimits(DEFAULT_FILE_LIMITS);

describe("bodyLimitFor", () => {
  it("gives what anyone can post the small limit, staff forms the middle one and the CSV uploads the largest", () => {
    for (const url of ["/melden", "/melden?index", "/melden/volgen", "/login", "/login/code?redirectTo=%2F", "/setup?token=x", "/logout", "/"]) {
      expect(bodyLimitFor(url), url).toBe(BODY_LIMITS.public);
    }
    for (const url of ["/signalen/import", "/trajecten/import?upload=3", "/beheer/regios/import"]) expect(bodyLimitFor(url), url).toBe(BODY_LIMITS.upload);
    for (const url of ["/signalen/12/bijlagen/3", "/regios/JZ14/documenten/3/4", "/trajecten/3/plan", "/rapportage/2021/tekst", "/wachtwoord"]) expect(bodyLimitFor(url), url).toBe(BODY_LIMITS.staff);
    for (const url of ["/signalen/nieuw", "/signalen/nieuw?mail=4", "/Signalen/Nieuw.data", "/signalen/12", "/trajecten/7", "/regios/JZ14"]) expect(bodyLimitFor(url), url).toEqual(FILES.files);
  });

  it("matches the route as Remix does: the data request of a form, any letter case, encoded letters, a trailing slash", () => {
    expect(bodyLimitFor("/melden.data?index")).toBe(BODY_LIMITS.public);
    // Files only come with the public form as multipart; typed text alone keeps the small limit, elsewhere too.
    expect(bodyLimitFor("/melden", "multipart/form-data; boundary=x")).toEqual(FILES.portalFiles);
    expect(bodyLimitFor("/melden", "application/x-www-form-urlencoded")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor("/melden/volgen", "multipart/form-data; boundary=x")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor("/login", "multipart/form-data; boundary=x")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor("/MELDEN/Volgen")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor("/m%65lden/")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor("/signalen/import.data")).toBe(BODY_LIMITS.upload);
    expect(bodyLimitFor("/%E0%A4%A")).toBe(BODY_LIMITS.public);
    expect(bodyLimitFor(undefined)).toBe(BODY_LIMITS.public);
  });

  it("takes the file limits from the settings: the largest file, and the public form's number of files", () => {
    expect(FILES.files).toMatchObject({ bytes: 10 * 1024 * 1024 + 64 * 1024, label: "10 MB" });
    expect(FILES.portalFiles).toMatchObject({ bytes: 30 * 1024 * 1024 + 256 * 1024, label: "30 MB" });
    const limits = { maxBytes: 2 * 1024 * 1024, portalMaxFiles: 5 };
    expect(bodyLimitFor("/trajecten/7", undefined, limits)).toMatchObject({ bytes: 2 * 1024 * 1024 + 64 * 1024, label: "2 MB" });
    const portal = bodyLimitFor("/melden", "multipart/form-data; boundary=x", limits);
    expect(portal).toMatchObject({ bytes: 10 * 1024 * 1024 + 256 * 1024, label: "10 MB" });
    expect(portal.refusal).toContain("hoogstens 5 bestanden van 2 MB");
  });

  it("keeps the limits in order and the uploads at the documented 5 MB", () => {
    expect(BODY_LIMITS.public.bytes).toBeLessThan(BODY_LIMITS.staff.bytes);
    expect(BODY_LIMITS.staff.bytes).toBeLessThan(BODY_LIMITS.upload.bytes);
    expect(BODY_LIMITS.upload.bytes).toBe(5 * 1024 * 1024);
  });
});
