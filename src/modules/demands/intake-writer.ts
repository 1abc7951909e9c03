import type { Kysely, Transaction } from "kysely";
import type { DB, NewOrder, Order } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { Batcher } from "../../platform/batching.js";
import { compactChinaDate } from "../../platform/calendar/china-time.js";
import { announceRegistered } from "../orders/changes.js";
import type { CheckedAttachment } from "./attachments.js";

/** The order number's prefix: 碑林 BL, then the China-time day and the day's serial. */
export const ORDER_PREFIX = "BL";

/** A checked demand, ready to store: everything but its number and timestamps. */
export interface PendingIntake {
  order: Omit<NewOrder, "order_no" | "created_at" | "updated_at">;
  actor: Actor;
  attachments: { id: string; sha256: string; file: CheckedAttachment }[];
  catalogueId: number | null;
  idempotency?: { key: string; requestHash: string };
  /** Runs inside the same transaction once the order is stored (就地办结 on registration). */
  afterStore?: (trx: Transaction<DB>, order: Order) => Promise<Order>;
}

/**
 * Group commit for intake: submissions arriving together are stored in one transaction (numbers,
 * orders, first events, files, idempotency keys, live notifications), and each submitter is answered
 * only after that commit, so an acknowledged demand is durable. Batches run one at a time (each takes
 * the day's order counter, so concurrent ones would queue on its lock anyway).
 */
/** What intake writes with: the database and the clock (read at each batch, so tests can move it). */
export interface IntakeSource {
  readonly db: Kysely<DB>;
  now(): Date;
}

export class IntakeWriter {
  private readonly batcher: Batcher<PendingIntake, Order>;

  constructor(ctx: IntakeSource) {
    this.batcher = new Batcher((items) => storeIntakes(ctx, items));
  }

  write(item: PendingIntake): Promise<Order> {
    return this.batcher.submit(item);
  }
}

/** Stores a batch of intakes in one transaction; returns the orders in the batch's order. */
export async function storeIntakes(ctx: IntakeSource, items: PendingIntake[]): Promise<Order[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const day = compactChinaDate(now);
    const first = await reserveSerials(trx, day, items.length);
    const numbered = items.map((item, i) => ({
      ...item.order,
      order_no: `${ORDER_PREFIX}${day}${String(first + i).padStart(4, "0")}`,
      created_at: now,
      updated_at: now,
    }));
    const rows = await trx.insertInto("orders").values(numbered).returningAll().execute();
    const byNumber = new Map(rows.map((row) => [row.order_no, row]));
    const orders = numbered.map((n) => byNumber.get(n.order_no) as Order);
    await storeFiles(trx, items, orders);
    await trx
      .insertInto("order_events")
      .values(
        orders.map((order, i) => ({
          order_id: order.id,
          action: "register",
          from_state: null,
          to_state: "registered",
          actor_id: items[i].actor.id,
          actor_role: items[i].actor.role,
          data: JSON.stringify({
            channel: order.channel,
            handlingLevel: order.handling_level,
            holder: order.holder_region_code,
            catalogueId: items[i].catalogueId,
            attachmentIds: items[i].attachments.map((a) => a.id),
          }),
          at: now,
        })),
      )
      .execute();
    const keys = items.flatMap((item, i) =>
      item.idempotency
        ? [
            {
              user_id: item.actor.id,
              key: item.idempotency.key,
              request_hash: item.idempotency.requestHash,
              order_id: orders[i].id,
            },
          ]
        : [],
    );
    if (keys.length > 0) await trx.insertInto("idempotency_keys").values(keys).execute();
    await announceRegistered(trx, orders, now);
    const finished: Order[] = [];
    for (const [i, order] of orders.entries()) {
      const after = items[i].afterStore;
      finished.push(after ? await after(trx, order) : order);
    }
    return finished;
  });
}

/** Takes `count` consecutive serials of a China-time day at once; returns the first. */
async function reserveSerials(trx: Transaction<DB>, day: string, count: number): Promise<number> {
  const row = await trx
    .insertInto("order_counters")
    .values({ day, last_serial: count })
    .onConflict((oc) =>
      oc.column("day").doUpdateSet((eb) => ({ last_serial: eb("order_counters.last_serial", "+", count) })),
    )
    .returning("last_serial")
    .executeTakeFirstOrThrow();
  return row.last_serial - count + 1;
}

async function storeFiles(trx: Transaction<DB>, items: PendingIntake[], orders: Order[]): Promise<void> {
  const files = items.flatMap((item, i) =>
    item.attachments.map((a) => ({
      id: a.id,
      order_id: orders[i].id,
      file_name: a.file.fileName,
      mime: a.file.mime,
      size_bytes: a.file.bytes.length,
      sha256: a.sha256,
      content: a.file.bytes,
      uploaded_by: item.actor.id,
    })),
  );
  if (files.length > 0) await trx.insertInto("attachments").values(files).execute();
}
