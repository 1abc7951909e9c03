import type { Kysely, Transaction } from "kysely";
import type { DB, NewOrder, Order } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** The order row, locked for the rest of the transaction so concurrent actions queue up. */
export async function lockOrder(trx: Transaction<DB>, id: string): Promise<Order | undefined> {
  return trx.selectFrom("orders").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The orders merged into this one, locked: they follow its reply and its closing. */
export async function lockMergedInto(trx: Transaction<DB>, id: string): Promise<Order[]> {
  return trx
    .selectFrom("orders")
    .selectAll()
    .where("merged_into_id", "=", id)
    .orderBy("id")
    .forUpdate()
    .execute();
}

export async function findOrder(db: Executor, id: string): Promise<Order | undefined> {
  return db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Writes an order's new columns, bumping its version; the version the caller read must still be
 * current (optimistic concurrency), otherwise STALE_VERSION and nothing is written.
 */
export async function updateOrder(
  trx: Executor,
  order: Pick<Order, "id" | "version">,
  patch: Partial<Omit<NewOrder, "id" | "version">>,
  now: Date,
): Promise<Order> {
  const updated = await trx
    .updateTable("orders")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1), updated_at: now }))
    .where("id", "=", order.id)
    .where("version", "=", order.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw fail("STALE_VERSION");
  return updated;
}

export interface NewEvent {
  orderId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorRole: string | null;
  unitId?: number | null;
  note?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** Appends to the order's history (服务过程全监督). */
export async function appendEvent(trx: Executor, event: NewEvent): Promise<string> {
  const row = await trx
    .insertInto("order_events")
    .values({
      order_id: event.orderId,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      actor_id: event.actorId,
      actor_role: event.actorRole,
      unit_id: event.unitId ?? null,
      note: event.note ?? null,
      data: JSON.stringify(event.data ?? {}),
      at: event.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores checked, identified photos with their order (a reply's 处置后照片). */
export async function addAttachments(
  trx: Transaction<DB>,
  orderId: string,
  uploadedBy: number | null,
  files: ReadonlyArray<{
    id: string;
    sha256: string;
    file: { fileName: string; mime: string; bytes: Buffer };
  }>,
): Promise<void> {
  if (files.length === 0) return;
  await trx
    .insertInto("attachments")
    .values(
      files.map((f) => ({
        id: f.id,
        order_id: orderId,
        file_name: f.file.fileName,
        mime: f.file.mime,
        size_bytes: f.file.bytes.length,
        sha256: f.sha256,
        content: f.file.bytes,
        uploaded_by: uploadedBy,
      })),
    )
    .execute();
}

export async function listEvents(db: Executor, orderId: string) {
  return db
    .selectFrom("order_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .leftJoin("units as un", "un.id", "e.unit_id")
    .select([
      "e.id",
      "e.action",
      "e.from_state",
      "e.to_state",
      "e.actor_role",
      "u.display_name as actor_name",
      "e.unit_id",
      "un.name as unit_name",
      "e.note",
      "e.data",
      "e.at",
    ])
    .where("e.order_id", "=", orderId)
    .orderBy("e.id")
    .execute();
}

/** Ends the current main assignment and opens new ones (主办/协办). */
export async function reassign(
  trx: Executor,
  orderId: string,
  main: number,
  assisting: readonly number[],
  at: Date,
  endReason: string,
): Promise<void> {
  await endAssignments(trx, orderId, at, endReason);
  await trx
    .insertInto("order_assignments")
    .values([
      { order_id: orderId, unit_id: main, role: "main", assigned_at: at },
      ...assisting
        .filter((u) => u !== main)
        .map((unit) => ({ order_id: orderId, unit_id: unit, role: "assist" as const, assigned_at: at })),
    ])
    .execute();
}

export async function endAssignments(
  trx: Executor,
  orderId: string,
  at: Date,
  reason: string,
): Promise<void> {
  await trx
    .updateTable("order_assignments")
    .set({ ended_at: at, end_reason: reason })
    .where("order_id", "=", orderId)
    .where("ended_at", "is", null)
    .execute();
}

export async function markAssignment(
  trx: Executor,
  orderId: string,
  unitId: number,
  column: "signed_at" | "replied_at",
  at: Date,
): Promise<void> {
  await trx
    .updateTable("order_assignments")
    .set({ [column]: at })
    .where("order_id", "=", orderId)
    .where("unit_id", "=", unitId)
    .where("ended_at", "is", null)
    .execute();
}
