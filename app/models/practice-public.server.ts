import type { Topic } from "~/domain/signal-codes";
import { publishedRows, withWords } from "./knowledge-public.server";
import { referencesOf } from "./knowledge.server";
import { regionNames } from "./reference.server";

/**
 * Goede voorbeelden as anyone reads them at /voorbeelden: published practices in their published version. The region
 * leaves this module only when the intermediary chose "regio tonen"; otherwise it is not even filterable by.
 */

type Row = ReturnType<typeof publishedRows>[number];

function publicRegion(row: Row, names: Record<string, string>): { code: string; name: string } | null {
  if (!row.showRegion || row.regionCode === null) return null;
  return { code: row.regionCode, name: names[row.regionCode] ?? row.regionCode };
}

/** Practices holding every word, on `topic` and from `region` (among shown regions only) when given. */
export function publishedPractices({ words, topic, region }: { words: string; topic?: Topic; region?: string }) {
  const names = regionNames();
  return withWords(publishedRows({ kind: "practice", topic }), words)
    .map((row) => ({ id: row.id, topic: row.topic, title: row.question, checkedOn: row.checkedOn, region: publicRegion(row, names) }))
    .filter((p) => region === undefined || p.region?.code === region);
}

/** The regions that published practices show, for the filter: a region kept hidden is never offered. */
export function shownPracticeRegions() {
  const names = regionNames();
  const shown = new Map<string, { code: string; name: string }>();
  for (const row of publishedRows({ kind: "practice" })) {
    const region = publicRegion(row, names);
    if (region) shown.set(region.code, region);
  }
  return [...shown.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

export function publishedPractice(id: number) {
  const [row] = publishedRows({ kind: "practice", id });
  if (!row) return null;
  return {
    id: row.id,
    title: row.question,
    whatWasDone: row.answer,
    outcome: row.outcome,
    topic: row.topic,
    procurementPhase: row.procurementPhase,
    checkedOn: row.checkedOn,
    references: referencesOf(row.references),
    region: publicRegion(row, regionNames()),
  };
}
