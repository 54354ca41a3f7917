import { asc, eq } from "drizzle-orm";
import { reviewCriteria } from "../../db/schema";
import type { CriterionInput } from "~/domain/contract-review";
import { DomainError } from "~/domain/errors";
import { assertCan } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";

/** The criteria in their order; a review asks the active ones. */
export function listCriteria(which: "all" | "active" = "all") {
  const query = db().select().from(reviewCriteria);
  return (which === "active" ? query.where(eq(reviewCriteria.active, true)) : query).orderBy(asc(reviewCriteria.position), asc(reviewCriteria.id)).all();
}

/** Adds or changes a criterion (reviewCriteria.manage). Old versions keep the question as it was asked then. */
export function saveCriterion(input: CriterionInput, actor: Actor): number {
  assertCan(actor, "reviewCriteria.manage");
  return db().transaction((tx) => {
    const taken = tx.select({ id: reviewCriteria.id }).from(reviewCriteria).where(eq(reviewCriteria.code, input.code)).get();
    if (taken && taken.id !== input.id) throw new DomainError("REVIEW.CODE_TAKEN", "Deze code heeft al een ander criterium.", "code");
    const values = { code: input.code, question: input.question, help: input.help, position: input.position, active: input.active };
    let id = input.id;
    if (id) {
      const changed = tx.update(reviewCriteria).set(values).where(eq(reviewCriteria.id, id)).run();
      if (changed.changes === 0) throw new DomainError("REVIEW.NOT_FOUND", "Dit criterium bestaat niet (meer).");
    } else {
      id = tx.insert(reviewCriteria).values(values).returning({ id: reviewCriteria.id }).get().id;
    }
    audit(actor, "review.criterion_saved", { type: "review_criterion", id }, { code: input.code, active: input.active }, tx);
    return id;
  });
}
