import type { HandlingLevel, Role } from "../../../db/schema.js";
import type { Actor } from "../../../platform/auth/permissions.js";
import { coversRegion } from "../../../platform/auth/permissions.js";
import { fail } from "../../../platform/errors.js";
import {
  ACTIONS,
  ORDER_ACTIONS,
  type OrderAction,
  type OrderState,
  type Relation,
  targetOf,
} from "./lifecycle.js";

/** What the lifecycle needs to know about an order. */
export interface OrderFacts {
  state: OrderState;
  handlingLevel: HandlingLevel;
  holderRegionCode: string;
  regionCode: string;
  mainUnitId: number | null;
  residentId: number | null;
}

/** The relations an actor has to an order (commander, main unit, overseer, caller). */
export function relationsOf(actor: Actor, order: OrderFacts): Set<Relation> {
  const relations = new Set<Relation>();
  const commandRoles: readonly Role[] =
    order.handlingLevel === "grid" ? ["dispatcher", "staff", "grid_worker"] : ["dispatcher", "staff"];
  if (
    commandRoles.includes(actor.role) &&
    actor.regionCode &&
    order.holderRegionCode.startsWith(actor.regionCode)
  ) {
    relations.add("commander");
  }
  if (actor.role === "unit_handler" && actor.unitId !== null && actor.unitId === order.mainUnitId)
    relations.add("main_unit");
  if (actor.role !== "resident" && actor.role !== "unit_handler" && coversRegion(actor, order.regionCode)) {
    relations.add("overseer");
  }
  if (actor.role === "resident" && order.residentId === actor.id) relations.add("caller");
  return relations;
}

/** True when the table lets this actor take this action on this order now. */
export function isAllowed(actor: Actor, order: OrderFacts, action: OrderAction): boolean {
  const rule = ACTIONS[action];
  if (!(rule.from as readonly OrderState[]).includes(order.state)) return false;
  if (!(rule.roles as readonly Role[]).includes(actor.role)) return false;
  const relations = relationsOf(actor, order);
  return rule.relation.some((r) => relations.has(r));
}

/**
 * Decides a transition: the target state, or ILLEGAL_TRANSITION when the order's state does not allow
 * the action, FORBIDDEN when the actor's role or relation does not.
 */
export function decide(actor: Actor, order: OrderFacts, action: OrderAction): OrderState {
  const rule = ACTIONS[action];
  if (!(rule.from as readonly OrderState[]).includes(order.state)) {
    throw fail("ILLEGAL_TRANSITION", { state: order.state, action });
  }
  if (!isAllowed(actor, order, action)) throw fail("FORBIDDEN");
  return targetOf(rule, order.state);
}

/** The actions this actor may take now: the UI renders buttons from this, not from its own rules. */
export function availableActions(actor: Actor, order: OrderFacts): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => isAllowed(actor, order, action));
}
