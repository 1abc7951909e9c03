import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { type Actor, scopeOf } from "./permissions.js";

/**
 * Who may see an order — the one policy every way of reading an order asks (lists, detail, the live
 * stream, attachments, phone reveal, duplicate suggestions, exports):
 * - a resident: the orders they submitted;
 * - a unit handler: the orders their unit is assigned to now, as main or assisting unit — never by
 *   region, so a district department does not see the whole district;
 * - every other role: orders located in, or held by, their jurisdiction (region-code prefix).
 * An order one may not see is answered as "not found", exactly like a missing one.
 */

/** What decides an order's visibility; a live change carries exactly these. */
export interface OrderReach {
  regionCode: string;
  holderRegionCode: string;
  residentId: number | null;
  /** The units assigned now, main and assisting. */
  unitIds: readonly number[];
}

/**
 * The region prefix inside which an actor sees every order ("" is everything), or null when the
 * actor sees orders only through their own person or unit (residents, unit handlers).
 */
export function orderRegionScope(actor: Actor): string | null {
  if (actor.role === "resident" || actor.role === "unit_handler") return null;
  return scopeOf(actor);
}

/** The in-code check. */
export function canSeeOrder(actor: Actor, order: OrderReach): boolean {
  if (actor.role === "resident") return order.residentId !== null && order.residentId === actor.id;
  if (actor.role === "unit_handler") return actor.unitId !== null && order.unitIds.includes(actor.unitId);
  const scope = orderRegionScope(actor);
  return scope !== null && (order.regionCode.startsWith(scope) || order.holderRegionCode.startsWith(scope));
}

/** The same rule as a SQL condition on `orders as o`, for lists, counts and exports. */
export function visibleOrders(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { o: DB["orders"] }, "o">) => {
    if (actor.role === "resident") return eb("o.resident_id", "=", actor.id);
    if (actor.role === "unit_handler") {
      const unitId = actor.unitId ?? -1;
      return eb.or([
        eb("o.main_unit_id", "=", unitId),
        eb.exists(
          eb
            .selectFrom("order_assignments as a")
            .select(sql`1`.as("one"))
            .whereRef("a.order_id", "=", "o.id")
            .where("a.unit_id", "=", unitId)
            .where("a.ended_at", "is", null),
        ),
      ]);
    }
    const scope = orderRegionScope(actor);
    if (scope === null) return eb.val(false);
    if (scope === "") return eb.val(true);
    return eb.or([eb("o.region_code", "like", `${scope}%`), eb("o.holder_region_code", "like", `${scope}%`)]);
  };
}

type StoredOrder = Pick<Order, "id" | "region_code" | "holder_region_code" | "main_unit_id" | "resident_id">;

/** The reach of a stored order, reading its current assignments only when the actor's unit needs them. */
export async function reachOf(db: Kysely<DB>, actor: Actor, order: StoredOrder): Promise<OrderReach> {
  const unitIds = order.main_unit_id === null ? [] : [order.main_unit_id];
  if (actor.role === "unit_handler" && actor.unitId !== null && !unitIds.includes(actor.unitId)) {
    const assigned = await db
      .selectFrom("order_assignments")
      .select("unit_id")
      .where("order_id", "=", order.id)
      .where("unit_id", "=", actor.unitId)
      .where("ended_at", "is", null)
      .executeTakeFirst();
    if (assigned) unitIds.push(assigned.unit_id);
  }
  return {
    regionCode: order.region_code,
    holderRegionCode: order.holder_region_code,
    residentId: order.resident_id,
    unitIds,
  };
}

/** The check on a stored order (main unit and assisting units both count). */
export async function maySeeStoredOrder(db: Kysely<DB>, actor: Actor, order: StoredOrder): Promise<boolean> {
  return canSeeOrder(actor, await reachOf(db, actor, order));
}

/** Units see a confidential caller's name and phone nowhere (保密). */
export function hidesCaller(actor: Actor, order: Pick<Order, "confidential">): boolean {
  return order.confidential && actor.role === "unit_handler";
}
