import { and, count, eq, gte, lt } from "drizzle-orm";
import { signals } from "../../db/schema";
import { db } from "~/utils/db.server";

/**
 * The one rule of which signals a figure counts: every signal except those that came in through the mailbox and still
 * wait for classification (their codes are placeholders until the intermediary saves a classification). The year
 * report, its exports, the PDF, the JSON, `npm run report` and the region page's counts all filter through here.
 */
export const counted = eq(signals.awaitingClassification, false);

// A plain range on the text column lets SQLite read signals_report_idx (which holds the flag); strftime() would not.
export const countedInYear = (year: number) => and(counted, gte(signals.receivedOn, `${year}-01-01`), lt(signals.receivedOn, `${year + 1}-01-01`));

/** How many of a year's signals still wait for classification (the report page says so beside its figures). */
export function awaitingInYear(year: number): number {
  return (
    db()
      .select({ n: count() })
      .from(signals)
      .where(and(eq(signals.awaitingClassification, true), gte(signals.receivedOn, `${year}-01-01`), lt(signals.receivedOn, `${year + 1}-01-01`)))
      .get()?.n ?? 0
  );
}
