import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

export type OutboxState = "pending" | "delivered" | "failed";

export interface NewOutboxMessage {
  topic: string;
  orderId: string | null;
  /** What the receiver deduplicates by (sent as Idempotency-Key): the same change is one key. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
  /** Not sent before this instant (a notification held through the recipient's quiet hours). */
  notBefore?: Date;
}

/** Adds a message in the caller's transaction: it exists exactly when the change it reports commits. */
export async function addMessage(trx: Transaction<DB>, message: NewOutboxMessage, now: Date): Promise<void> {
  await trx
    .insertInto("outbox_messages")
    .values({
      topic: message.topic,
      order_id: message.orderId,
      idempotency_key: message.idempotencyKey,
      payload: JSON.stringify(message.payload),
      next_attempt_at: message.notBefore ?? now,
      created_at: now,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
}

/**
 * Claims due messages for one delivery round (locked for `lockMs`, so a crashed sender's claim
 * lapses). A message waits while an earlier one about the same order is undelivered: the receiver
 * hears an order's changes in the order they happened.
 */
export async function claimDue(db: Kysely<DB>, topics: string[], now: Date, limit: number, lockMs: number) {
  if (topics.length === 0) return [];
  const until = new Date(now.getTime() + lockMs);
  const rows = await sql<{ id: string }>`
    UPDATE outbox_messages SET locked_until = ${until}
    WHERE id IN (
      SELECT m.id FROM outbox_messages m
      WHERE m.state = 'pending' AND m.next_attempt_at <= ${now}
        AND (m.locked_until IS NULL OR m.locked_until < ${now})
        AND m.topic IN (${sql.join(topics)})
        AND NOT EXISTS (
          SELECT 1 FROM outbox_messages e
          WHERE e.order_id = m.order_id AND e.id < m.id AND e.state <> 'delivered'
        )
      ORDER BY m.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`.execute(db);
  if (rows.rows.length === 0) return [];
  return db
    .selectFrom("outbox_messages")
    .selectAll()
    .where(
      "id",
      "in",
      rows.rows.map((r) => r.id),
    )
    .orderBy("id")
    .execute();
}

export async function markDelivered(db: Kysely<DB>, id: string, attempts: number, now: Date): Promise<void> {
  await db
    .updateTable("outbox_messages")
    .set({ state: "delivered", attempts, delivered_at: now, locked_until: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt: due again at `retryAt`, or failed for good when null. */
export async function markAttemptFailed(
  db: Kysely<DB>,
  id: string,
  attempts: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable("outbox_messages")
    .set({
      attempts,
      last_error: error.slice(0, 500),
      locked_until: null,
      ...(retryAt ? { next_attempt_at: retryAt } : { state: "failed" }),
    })
    .where("id", "=", id)
    .execute();
}

/** Sends failed (or waiting) messages again now, with a fresh attempt budget. */
export async function retryMessages(db: Kysely<DB>, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("outbox_messages")
    .set({ state: "pending", attempts: 0, next_attempt_at: now, locked_until: null })
    .where("id", "in", ids)
    .where("state", "<>", "delivered")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listMessages(
  db: Kysely<DB>,
  filter: { state?: OutboxState; topic?: string; limit: number; offset: number },
) {
  let query = db.selectFrom("outbox_messages as m").leftJoin("orders as o", "o.id", "m.order_id");
  if (filter.state) query = query.where("m.state", "=", filter.state);
  if (filter.topic) query = query.where("m.topic", "=", filter.topic);
  return query
    .select([
      "m.id",
      "m.topic",
      "m.order_id",
      "o.order_no",
      "m.idempotency_key",
      "m.payload",
      "m.state",
      "m.attempts",
      "m.next_attempt_at",
      "m.last_error",
      "m.created_at",
      "m.delivered_at",
    ])
    .orderBy("m.id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countByState(db: Kysely<DB>, topic?: string): Promise<Record<OutboxState, number>> {
  let query = db
    .selectFrom("outbox_messages")
    .select(["state", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("state");
  if (topic) query = query.where("topic", "=", topic);
  const counts = { pending: 0, delivered: 0, failed: 0 };
  for (const row of await query.execute()) counts[row.state] = Number(row.n);
  return counts;
}
