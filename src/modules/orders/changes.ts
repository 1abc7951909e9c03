import type { Transaction } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { type OrderChange, publishOrderChange, publishOrderChanges } from "../../platform/events/publish.js";

/** Tells every server instance (and through them the live pages) that an order changed; sent on commit. */
export async function announceChange(
  trx: Transaction<DB>,
  order: Order,
  action: string,
  at: Date,
): Promise<void> {
  // Before the first dispatch no unit can be assigned: spare the lookup on the hot intake path.
  const units =
    order.main_unit_id === null && order.dispatched_at === null
      ? []
      : await trx
          .selectFrom("order_assignments")
          .select("unit_id")
          .where("order_id", "=", order.id)
          .where("ended_at", "is", null)
          .execute();
  await publishOrderChange(
    trx,
    changeOf(
      order,
      action,
      units.map((u) => u.unit_id),
      at,
    ),
  );
}

/** Announces newly registered orders (no unit yet) in one statement. */
export async function announceRegistered(trx: Transaction<DB>, orders: Order[], at: Date): Promise<void> {
  await publishOrderChanges(
    trx,
    orders.map((order) => changeOf(order, "register", [], at)),
  );
}

function changeOf(order: Order, action: string, assigned: number[], at: Date): OrderChange {
  // The main unit is always assigned; naming it here keeps the stream's reach equal to the policy's.
  const unitIds =
    order.main_unit_id === null || assigned.includes(order.main_unit_id)
      ? assigned
      : [order.main_unit_id, ...assigned];
  return {
    orderId: order.id,
    orderNo: order.order_no,
    action,
    state: order.state,
    regionCode: order.region_code,
    holderRegionCode: order.holder_region_code,
    unitIds,
    residentId: order.resident_id,
    at: at.toISOString(),
  };
}
