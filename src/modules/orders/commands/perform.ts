import type { Order } from "../../../db/schema.js";
import { maySeeStoredOrder } from "../../../platform/auth/order-visibility.js";
import type { Actor } from "../../../platform/auth/permissions.js";
import { fail } from "../../../platform/errors.js";
import type { AppContext } from "../../context.js";
import { announceChange } from "../changes.js";
import { appendEvent, lockOrder, updateOrder } from "../repository.js";
import { ACTIONS, type OrderAction, type OrderState, targetOf } from "../workflow/lifecycle.js";
import { decide, type OrderFacts } from "../workflow/transition.js";
import { ACTION_DEFINITIONS } from "./index.js";
import { type ActionOutcome, type OrderTx, orderTx } from "./types.js";

export interface PerformRequest {
  orderId: string;
  action: OrderAction;
  /** The version the caller read; a different current version means someone else acted first. */
  version?: number;
  input: Record<string, unknown>;
}

/** Who is acting: a signed-in actor, or the caller holding a return-visit link. */
export type Authority = { kind: "actor"; actor: Actor } | { kind: "visit_link" };

/**
 * Runs one lifecycle action in its own transaction: lock the order, check scope, version, state and
 * role, apply the action's effect, write the order and an event, publish the change. Any failure
 * rolls everything back.
 */
export async function performAction(
  ctx: AppContext,
  authority: Authority,
  request: PerformRequest,
): Promise<{ order: Order; result: Record<string, unknown> }> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = orderTx(trx, ctx);
    const order = await lockOrder(trx, request.orderId);
    const actor = authority.kind === "actor" ? authority.actor : null;
    if (!order || (actor && !(await maySeeStoredOrder(trx, actor, order))))
      throw fail("NOT_FOUND", { what: `order ${request.orderId}` });
    if (request.version !== undefined && request.version !== order.version) throw fail("STALE_VERSION");
    return applyAction(tx, authority, order, request.action, request.input);
  });
}

/** The transition itself, inside a transaction the caller holds (intake uses it for on-the-spot solving). */
export async function applyAction(
  tx: OrderTx,
  authority: Authority,
  order: Order,
  action: OrderAction,
  input: Record<string, unknown>,
): Promise<{ order: Order; result: Record<string, unknown> }> {
  const actor = authority.kind === "actor" ? authority.actor : null;
  const to = actor ? decide(actor, factsOf(order), action) : decideForVisitLink(order, action);
  const outcome = await ACTION_DEFINITIONS[action].effect({ ...tx, actor, order }, input);
  const updated = await writeTransition(tx, order, action, to, outcome, actor);
  if (!outcome.chain) return { order: updated, result: outcome.result ?? {} };
  const chained = await applySystemAction(tx, updated, outcome.chain.action, outcome.chain.note);
  return { order: chained, result: outcome.result ?? {} };
}

/** A system transition (automatic closing): checked against the lifecycle's states, never its roles. */
export async function applySystemAction(
  tx: OrderTx,
  order: Order,
  action: OrderAction,
  note: string,
): Promise<Order> {
  const rule = ACTIONS[action];
  if (!(rule.from as readonly string[]).includes(order.state))
    throw fail("ILLEGAL_TRANSITION", { state: order.state, action });
  const outcome = await ACTION_DEFINITIONS[action].effect({ ...tx, actor: null, order }, { note });
  const to = targetOf(rule, order.state as OrderState);
  return writeTransition(tx, order, action, to, { ...outcome, note }, null);
}

async function writeTransition(
  { trx, now }: OrderTx,
  order: Order,
  action: OrderAction,
  to: OrderState,
  outcome: ActionOutcome,
  actor: Actor | null,
): Promise<Order> {
  const updated = await updateOrder(trx, order, { ...outcome.patch, state: to }, now);
  await appendEvent(trx, {
    orderId: order.id,
    action,
    fromState: order.state,
    toState: to,
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? (action === "visit" ? "caller" : "system"),
    unitId: outcome.unitId ?? null,
    note: outcome.note ?? null,
    data: outcome.data,
    at: now,
  });
  await outcome.after?.(updated);
  await announceChange(trx, updated, action, now);
  return updated;
}

/** The rating link may only record the visit, from the states the lifecycle allows it in. */
function decideForVisitLink(order: Order, action: OrderAction): OrderState {
  const state = order.state as OrderState;
  if (action !== "visit" || !(ACTIONS.visit.from as readonly OrderState[]).includes(state)) {
    throw fail("ILLEGAL_TRANSITION", { state, action });
  }
  return targetOf(ACTIONS.visit, state);
}

export function factsOf(order: Order): OrderFacts {
  return {
    state: order.state as OrderState,
    handlingLevel: order.handling_level,
    holderRegionCode: order.holder_region_code,
    regionCode: order.region_code,
    mainUnitId: order.main_unit_id,
    residentId: order.resident_id,
  };
}
