import { and, desc, eq, gte, ne } from "drizzle-orm";
import { tendernedDays, tendernedRuns } from "../../db/schema";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { dayIsComplete, daysToRead } from "~/domain/tenderned-days";
import { matchesByWords } from "~/domain/tenderned-match";
import { parseExport, publicationContent, type Publication } from "~/domain/tenderned-rows";
import { db } from "~/utils/db.server";
import { MAX_PAGES, TenderNedError, type TenderNedClient } from "~/utils/tenderned-client.server";
import { audit, type Actor } from "./audit.server";
import { getSetting, setSetting } from "./settings.server";
import { storedContents, storePublications, youthCareSettings, type StoreCounts } from "./tenderned-store.server";

const FIRST_DAY_SETTING = "tenderned.first_day";
/** Detail requests at a time: a first run asks for thousands; four keep it minutes, not an hour, and stay polite. */
const DETAIL_CONCURRENCY = 4;

export type RunTrigger = (typeof tendernedRuns.$inferSelect)["trigger"];
export type RunSummary = StoreCounts & { runId: number; status: "ok" | "incomplete" | "failed"; message: string; days: number; incompleteDays: number; requests: number };

/** One run at a time in this process; a second "Nu ophalen" while one runs is refused, not queued. */
let busy = false;

export function monitorBusy(): boolean {
  return busy;
}

function emptyCounts(): StoreCounts {
  return { read: 0, youthCare: 0, matched: 0, unassigned: 0, milestonesChanged: 0 };
}

function add(total: StoreCounts, part: StoreCounts): void {
  for (const key of Object.keys(total) as (keyof StoreCounts)[]) total[key] += part[key];
}

/**
 * Every row of one publication day, page by page; fewer than totalElements when TenderNed's pages fall short (or a
 * day had more than TenderNed pages to: the day then stays incomplete instead of failing every run).
 */
async function readDay(client: TenderNedClient, day: string): Promise<{ rows: Publication[]; totalElements: number }> {
  const first = await client.listPage(day, 0);
  const rows = [...first.rows];
  for (let page = 1; page < Math.min(first.totalPages, MAX_PAGES); page++) {
    const next = await client.listPage(day, page);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  // A notice published while we page may shift a row onto the next page: it is kept once.
  const unique = [...new Map(rows.map((r) => [r.publicatieId, r])).values()];
  return { rows: unique, totalElements: first.totalElements };
}

function summaryText(s: Omit<RunSummary, "message" | "runId" | "status">): string {
  const base = `${s.days} dagen, ${s.read} publicaties gelezen, ${s.youthCare} nieuw of gewijzigd over jeugdhulp, ${s.matched} aan een regio gekoppeld, ${s.unassigned} nog toe te wijzen, ${s.milestonesChanged} mijlpalen nieuw of gewijzigd.`;
  return s.incompleteDays > 0 ? `${base} ${s.incompleteDays} dagen kwamen onvolledig binnen en worden de volgende keer opnieuw gelezen.` : base;
}

function startRun(trigger: RunTrigger): number {
  return db().insert(tendernedRuns).values({ trigger, startedAt: new Date().toISOString(), status: "running" }).returning({ id: tendernedRuns.id }).get().id;
}

function finishRun(summary: RunSummary, actor: Actor, action: "tenderned.run" | "tenderned.imported"): void {
  db().transaction((tx) => {
    tx.update(tendernedRuns)
      .set({
        finishedAt: new Date().toISOString(),
        status: summary.status,
        message: summary.message,
        days: summary.days,
        read: summary.read,
        matched: summary.matched,
        unassigned: summary.unassigned,
        milestonesChanged: summary.milestonesChanged,
        requests: summary.requests,
      })
      .where(eq(tendernedRuns.id, summary.runId))
      .run();
    audit(actor, action, { type: "tenderned_run", id: summary.runId }, { status: summary.status, days: summary.days, read: summary.read, matched: summary.matched, unassigned: summary.unassigned, milestones: summary.milestonesChanged }, tx);
  });
}

/**
 * Reads every publication day since the last complete one (a first run: the last 30 days). Each day is written in one
 * transaction after all its pages and details came in, so a failure stops the run without writing the day it was on,
 * and the next run resumes there. A day is complete only when it is over and every announced row arrived.
 */
export async function runMonitor(input: { client: TenderNedClient; trigger: RunTrigger; actor: Actor; since?: string; now?: Date }): Promise<RunSummary> {
  if (busy) throw new DomainError("TENDERNED.BUSY", "TenderNed wordt al opgehaald; probeer het over een paar minuten opnieuw.");
  busy = true;
  try {
    const today = todayInTheNetherlands(input.now);
    const firstDay = getSetting(FIRST_DAY_SETTING) ?? null;
    const completeDays = new Set(
      db().select({ day: tendernedDays.day }).from(tendernedDays).where(gte(tendernedDays.day, firstDay ?? "")).all().map((r) => r.day),
    );
    const days = daysToRead({ today, firstDay, completeDays, since: input.since });
    if (!firstDay && days[0]) setSetting(FIRST_DAY_SETTING, days[0]);
    const runId = startRun(input.trigger);
    const settings = youthCareSettings();
    const counts = emptyCounts();
    let daysRead = 0;
    let incompleteDays = 0;
    let failure: string | undefined;
    let unexpected: unknown;
    for (const day of days) {
      try {
        const { rows, totalElements } = await readDay(input.client, day);
        const stored = storedContents(rows.map((r) => r.publicatieId));
        const changed = rows.filter((r) => stored.get(r.publicatieId) !== publicationContent(r));
        // Only a new or changed notice the words do not already recognise costs a detail request (for its CPV codes).
        const needDetail = changed.filter((row) => !matchesByWords(row, settings));
        for (let at = 0; at < needDetail.length; at += DETAIL_CONCURRENCY) {
          await Promise.all(needDetail.slice(at, at + DETAIL_CONCURRENCY).map(async (row) => (row.cpvCodes = await input.client.detailCpv(row.publicatieId))));
        }
        const complete = dayIsComplete(day, today, rows.length, totalElements);
        db().transaction((tx) => {
          add(counts, { ...storePublications(tx, changed, settings, input.actor), read: 0 });
          if (complete) tx.insert(tendernedDays).values({ day, rows: rows.length, completedAt: new Date().toISOString() }).onConflictDoNothing().run();
        });
        counts.read += rows.length;
        daysRead++;
        if (!complete && day < today) incompleteDays++;
      } catch (error) {
        const problem = error instanceof TenderNedError ? error.message : "Interne fout bij het opslaan (zie het serverlog).";
        failure = `Ophalen mislukt bij ${day}: ${problem} Er is niets van die dag opgeslagen; de volgende ronde gaat daar verder.`;
        if (!(error instanceof TenderNedError)) unexpected = error;
        break;
      }
    }
    const partial = { ...counts, days: daysRead, incompleteDays, requests: input.client.requests };
    const status = failure ? "failed" : incompleteDays > 0 ? "incomplete" : "ok";
    const summary: RunSummary = { ...partial, runId, status, message: failure ?? summaryText(partial) };
    finishRun(summary, input.actor, "tenderned.run");
    if (unexpected) throw unexpected;
    return summary;
  } finally {
    busy = false;
  }
}

/** An export file (the list format): the same matching and idempotence, without detail requests or complete days. */
export function importPublications(publications: readonly Publication[], actor: Actor): RunSummary {
  const runId = startRun("import");
  const counts = db().transaction((tx) => storePublications(tx, publications, youthCareSettings(), actor));
  const partial = { ...counts, read: publications.length, days: new Set(publications.map((p) => p.publishedOn)).size, incompleteDays: 0, requests: 0 };
  const summary: RunSummary = { ...partial, runId, status: "ok", message: summaryText(partial) };
  finishRun(summary, actor, "tenderned.imported");
  return summary;
}

export function recentRuns(limit = 10) {
  return db().select().from(tendernedRuns).orderBy(desc(tendernedRuns.id)).limit(limit).all();
}

/**
 * The last time TenderNed itself was read (by schedule, button or command line; an import file does not count) without
 * failing: after a failed run the hourly check tries again, so a morning outage at TenderNed costs hours, not a day.
 */
export function lastFetchStartedAt(): string | null {
  return (
    db()
      .select({ at: tendernedRuns.startedAt })
      .from(tendernedRuns)
      .where(and(ne(tendernedRuns.trigger, "import"), ne(tendernedRuns.status, "failed")))
      .orderBy(desc(tendernedRuns.id))
      .limit(1)
      .get()?.at ?? null
  );
}

/** At the start of the server: a run still "bezig" was cut off by the stop before (its last day was not written). */
export function closeInterruptedRuns(): void {
  db()
    .update(tendernedRuns)
    .set({ status: "failed", finishedAt: new Date().toISOString(), message: "Onderbroken: de server stopte tijdens het ophalen. De volgende ronde gaat verder waar deze bleef." })
    .where(eq(tendernedRuns.status, "running"))
    .run();
}

export function lastCompleteDay(): string | null {
  return db().select({ day: tendernedDays.day }).from(tendernedDays).orderBy(desc(tendernedDays.day)).limit(1).get()?.day ?? null;
}

/** An export file's text, from the upload or the command line; not the list format: nothing is read. */
export function importExportFile(text: string, actor: Actor): RunSummary {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new DomainError("TENDERNED.BAD_FILE", "Dit bestand is geen JSON. Gebruik een exportbestand van TenderNed (JSON).", "file");
  }
  const parsed = parseExport(body);
  if ("problem" in parsed) throw new DomainError("TENDERNED.BAD_FILE", `${parsed.problem} Er is niets ingelezen.`, "file");
  return importPublications(parsed.publications, actor);
}
