import { DomainError } from "~/domain/errors";
import type { Colophon } from "~/domain/report-document";
import { DEFAULT_THRESHOLD, isThreshold, MAX_THRESHOLD, MIN_THRESHOLD } from "~/domain/report-policy";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { getSetting, setSetting } from "./settings.server";

/** The year report's settings: k for years not yet published, and who the document names on its cover and colophon. */

const THRESHOLD_SETTING = "report.threshold";
const ORGANISATION_SETTING = "report.organisation";
const AUTHOR_SETTING = "report.author";

export function reportThreshold(): number {
  const stored = Number(getSetting(THRESHOLD_SETTING));
  return isThreshold(stored) ? stored : DEFAULT_THRESHOLD;
}

export function setReportThreshold(threshold: number, actor: Actor): void {
  if (!isThreshold(threshold)) {
    throw new DomainError("REPORT.THRESHOLD", `Kies een drempel van ${MIN_THRESHOLD} tot en met ${MAX_THRESHOLD}.`, "threshold");
  }
  db().transaction((tx) => {
    const previous = reportThreshold();
    setSetting(THRESHOLD_SETTING, String(threshold));
    audit(actor, "report.threshold_changed", null, { from: previous, to: threshold }, tx);
  });
}

export function reportColophon(): Colophon {
  return { organisation: getSetting(ORGANISATION_SETTING) ?? "", author: getSetting(AUTHOR_SETTING) ?? "" };
}

export function setReportColophon(colophon: Colophon, actor: Actor): void {
  db().transaction((tx) => {
    setSetting(ORGANISATION_SETTING, colophon.organisation);
    setSetting(AUTHOR_SETTING, colophon.author);
    audit(actor, "report.colophon_changed", null, {}, tx);
  });
}
