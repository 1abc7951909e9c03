import { type ExpressionBuilder, sql } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { type Actor, scopeOf } from "../../platform/auth/permissions.js";

/**
 * Who may see an order (the second layer of authorization): region roles by jurisdiction over where
 * it is or who holds it, unit handlers when their unit is or was assigned, residents their own.
 * An order one may not see is answered as "not found", exactly like a missing one.
 */
export function canSeeOrder(
  actor: Actor,
  order: Pick<Order, "region_code" | "holder_region_code" | "main_unit_id" | "resident_id">,
  assistingUnitIds: number[] = [],
): boolean {
  if (actor.role === "resident") return order.resident_id === actor.id;
  if (actor.role === "unit_handler") {
    return (
      actor.unitId !== null &&
      (order.main_unit_id === actor.unitId || assistingUnitIds.includes(actor.unitId))
    );
  }
  const scope = scopeOf(actor);
  return (
    scope !== null && (order.region_code.startsWith(scope) || order.holder_region_code.startsWith(scope))
  );
}

/** The same rule as a SQL condition on `orders as o`, for lists and counts. */
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
    const scope = scopeOf(actor);
    if (scope === null) return eb.val(false);
    return eb.or([eb("o.region_code", "like", `${scope}%`), eb("o.holder_region_code", "like", `${scope}%`)]);
  };
}

/** Units see a confidential caller's name and phone nowhere (保密). */
export function hidesCaller(actor: Actor, order: Pick<Order, "confidential">): boolean {
  return order.confidential && actor.role === "unit_handler";
}
