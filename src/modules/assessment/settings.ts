import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";
import { type AssessmentWeights, DEFAULT_WEIGHTS, weightsProblem } from "./formulas.js";

/** The `settings` row holding the score weights and the partial-answer weights. */
const WEIGHTS_KEY = "assessment.weights";

/**
 * The saved weights, the defaults for whatever was never saved. Weights saved before 按期办结率 and
 * 督办 entered the score (three rates summing to 100) no longer add up: the defaults replace them.
 */
export async function loadWeights(db: Kysely<DB>): Promise<AssessmentWeights> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", WEIGHTS_KEY)
    .executeTakeFirst();
  const saved = { ...DEFAULT_WEIGHTS, ...((row?.value as Partial<AssessmentWeights> | undefined) ?? {}) };
  return weightsProblem(saved) === null ? saved : DEFAULT_WEIGHTS;
}

/** Saves valid weights (VALIDATION_FAILED otherwise) in the caller's transaction and returns them. */
export async function saveWeights(
  db: Transaction<DB>,
  weights: AssessmentWeights,
  now: Date,
): Promise<AssessmentWeights> {
  const problem = weightsProblem(weights);
  if (problem) throw fail("VALIDATION_FAILED", { detail: problem });
  const value = JSON.stringify(weights);
  await db
    .insertInto("settings")
    .values({ key: WEIGHTS_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
    .execute();
  return weights;
}
