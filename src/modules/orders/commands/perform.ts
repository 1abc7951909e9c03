import type { Order } from "../../../db/schema.js";
import { maySeeStoredOrder } from "../../../platform/auth/order-visibility.js";
import type { Actor } from "../../../platform/auth/permissions.js";
import { fail } from "../../../platform/errors.js";
import { reportToCity } from "../../city-hotline/results.js";
import type { AppContext } from "../../context.js";
import { notifyOrderChange } from "../../notifications/enqueue.js";
import { visitRound } from "../../visits/service.js";
import { announceChange } from "../changes.js";
import type { SystemMessage } from "../messages.js";
import { appendEvent, lockMergedInto, lockOrder, updateOrder } from "../repository.js";
import {
  ACTIONS,
  type ActionRule,
  type OrderAction,
  type OrderState,
  type RecordAction,
  targetOf,
} from "../workflow/lifecycle.js";
import { decide, type OrderFacts } from "../workflow/transition.js";
import { ACTION_DEFINITIONS } from "./index.js";
import { type ActionDefinition, type ActionOutcome, type OrderTx, orderTx } from "./types.js";

export interface PerformRequest {
  orderId: string;
  action: OrderAction;
  /** The version the caller read; a different current version means someone else acted first. */
  version?: number;
  input: Record<string, unknown>;
}

/** Who is acting: a signed-in actor, the caller holding a return-visit link, or Minhu itself. */
export type Authority = { kind: "actor"; actor: Actor } | { kind: "visit_link" } | { kind: "system" };

/**
 * The one executor of order changes. Runs one lifecycle action in its own transaction: lock the order,
 * check scope, version, state and role, apply the action's effect, write the order (bumping its
 * version) and an event, publish the change. Any failure rolls everything back.
 */
export async function performAction(
  ctx: AppContext,
  authority: Authority,
  request: PerformRequest,
  definition: ActionDefinition = definitionOf(request.action),
): Promise<{ order: Order; result: Record<string, unknown> }> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = orderTx(trx, ctx);
    const order = await lockOrder(trx, request.orderId);
    const actor = authority.kind === "actor" ? authority.actor : null;
    if (!order || (actor && !(await maySeeStoredOrder(trx, actor, order))))
      throw fail("NOT_FOUND", { what: `order ${request.orderId}` });
    if (request.version !== undefined && request.version !== order.version) throw fail("STALE_VERSION");
    return applyAction(tx, authority, order, request.action, request.input, definition);
  });
}

/** A recorded action (refiling, a spot check) with the effect its own module defines. */
export function performRecord(
  ctx: AppContext,
  actor: Actor,
  request: PerformRequest & { action: RecordAction },
  definition: ActionDefinition,
): Promise<{ order: Order; result: Record<string, unknown> }> {
  return performAction(ctx, { kind: "actor", actor }, request, definition);
}

/** The transition itself, inside a transaction the caller holds (intake uses it for on-the-spot solving). */
export function applyAction(
  tx: OrderTx,
  authority: Authority,
  order: Order,
  action: OrderAction,
  input: Record<string, unknown>,
  definition: ActionDefinition = definitionOf(action),
): Promise<{ order: Order; result: Record<string, unknown> }> {
  return run(tx, authority, order, action, input, definition);
}

/**
 * A change Minhu makes itself (the deadline watch, automatic closing, merged orders following the
 * order they joined): checked against the lifecycle's states, never its roles; the message, when
 * given, explains it in the history.
 */
export async function applySystemAction(
  tx: OrderTx,
  order: Order,
  action: OrderAction,
  input: Record<string, unknown>,
  message?: SystemMessage,
): Promise<Order> {
  const { order: updated } = await run(
    tx,
    { kind: "system" },
    order,
    action,
    input,
    definitionOf(action),
    message,
  );
  return updated;
}

async function run(
  tx: OrderTx,
  authority: Authority,
  order: Order,
  action: OrderAction,
  input: Record<string, unknown>,
  definition: ActionDefinition,
  message?: SystemMessage,
): Promise<{ order: Order; result: Record<string, unknown> }> {
  const actor = authority.kind === "actor" ? authority.actor : null;
  const to = actor ? decide(actor, factsOf(order), action) : decideWithout(authority, order, action);
  const outcome = await definition.effect({ ...tx, actor, order }, input);
  if (outcome.unchanged) return { order, result: outcome.result ?? {} };
  const updated = await writeTransition(tx, order, action, to, { message, ...outcome }, actor);
  if (outcome.cascade) {
    for (const merged of await lockMergedInto(tx.trx, order.id)) {
      await applySystemAction(tx, merged, outcome.cascade, {});
    }
  }
  if (!outcome.chain) return { order: updated, result: outcome.result ?? {} };
  const chained = await applySystemAction(tx, updated, outcome.chain.action, {}, outcome.chain.message);
  return { order: chained, result: outcome.result ?? {} };
}

function definitionOf(action: OrderAction): ActionDefinition {
  const definition = (ACTION_DEFINITIONS as Partial<Record<OrderAction, ActionDefinition>>)[action];
  if (!definition) throw new Error(`${action} is recorded through its own module (performRecord)`);
  return definition;
}

async function writeTransition(
  { trx, now, tokens, publicUrl }: OrderTx,
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
    data: outcome.message ? { ...outcome.data, message: outcome.message } : outcome.data,
    at: now,
  });
  await outcome.after?.(updated);
  // 12345 results go back to the city through the outbox, written here so no change escapes it.
  await reportToCity(trx, updated, action, { note: outcome.note ?? null, data: outcome.data }, now);
  // Notifications too (派单, 预警, 督办, 答复与评价链接, 重办): in this transaction, through the outbox.
  const rating =
    action === "verify" ? `${publicUrl}/rate/${tokens.visitToken(updated.id, visitRound(updated))}` : null;
  await notifyOrderChange(
    trx,
    updated,
    action,
    { note: outcome.note ?? null, data: outcome.data },
    { rating },
    now,
  );
  await announceChange(trx, updated, action, now);
  return updated;
}

/**
 * Without a signed-in actor: the rating link may only record the visit, and Minhu may take any
 * action from the states the lifecycle allows it in (its roles are for people).
 */
function decideWithout(authority: Authority, order: Order, action: OrderAction): OrderState {
  const state = order.state as OrderState;
  const rule: ActionRule = ACTIONS[action];
  const allowed = authority.kind === "system" || action === "visit";
  if (!allowed || !rule.from.includes(state)) throw fail("ILLEGAL_TRANSITION", { state, action });
  return targetOf(rule, state);
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
