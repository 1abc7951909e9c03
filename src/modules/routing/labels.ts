import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

/** A category a person chose (operator at intake, dispatcher on accept) or corrected (transfer). */
export interface NewLabel {
  orderId: string;
  text: string;
  categoryCode: string;
  /** The model's first suggestion for the text, to measure how often people accept it. */
  suggestedCode: string | null;
  modelVersion: string | null;
  source: "intake" | "accept" | "transfer";
  labelledBy: number | null;
  regionCode: string;
}

/** Stores a label in the caller's transaction: it exists exactly when the choice does. */
export async function recordLabel(trx: Transaction<DB>, label: NewLabel): Promise<void> {
  await trx
    .insertInto("routing_labels")
    .values({
      order_id: label.orderId,
      text: label.text,
      category_code: label.categoryCode,
      suggested_code: label.suggestedCode,
      model_version: label.modelVersion,
      source: label.source,
      labelled_by: label.labelledBy,
      region_code: label.regionCode,
    })
    .execute();
}

/**
 * The district's labelled orders for training: per order the latest person's category (a transfer's
 * correction outranks the intake choice it corrected).
 */
export async function labelledOrders(
  db: Kysely<DB>,
): Promise<{ text: string; category: string; urgent: boolean; type: string }[]> {
  const rows = await db
    .selectFrom("routing_labels as l")
    .innerJoin("orders as o", "o.id", "l.order_id")
    .select(["l.order_id", "l.text", "l.category_code", "o.urgent", "o.demand_type", "l.id"])
    .orderBy("l.id")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(String(row.order_id), row);
  return [...latest.values()].map((row) => ({
    text: row.text,
    category: row.category_code,
    urgent: row.urgent,
    type: row.demand_type,
  }));
}

/** How often the model's first suggestion was what the person chose, by where the choice was made. */
export async function suggestionAcceptance(
  db: Kysely<DB>,
): Promise<{ source: string; labels: number; accepted: number; rate: number | null }[]> {
  const rows = await db
    .selectFrom("routing_labels")
    .select(["source", "category_code", "suggested_code"])
    .where("suggested_code", "is not", null)
    .execute();
  return (["intake", "accept", "transfer"] as const).map((source) => {
    const of = rows.filter((row) => row.source === source);
    const accepted = of.filter((row) => row.suggested_code === row.category_code).length;
    return { source, labels: of.length, accepted, rate: of.length === 0 ? null : accepted / of.length };
  });
}

/** The newest trained models, newest first, with their scores and what became of them. */
export async function modelHistory(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom("routing_models")
    .select(["version", "scores", "label_count", "status", "trained_at", "decided_at"])
    .orderBy("trained_at", "desc")
    .limit(limit)
    .execute();
}

/** How many routing labels (dispatchers' corrections and confirmations) are stored. */
export async function labelCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("routing_labels")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
