import { maySeeStoredOrder } from "../../platform/auth/order-visibility.js";
import { type Actor, requirePermission } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { announceChange } from "../orders/changes.js";
import { appendEvent, lockOrder, updateOrder } from "../orders/repository.js";
import type { Ledger } from "./labels.js";

/**
 * Files an order in another ledger (e.g. 一般问题 → 疑难问题). Not a lifecycle transition: the state
 * stays, but the history records it as a `ledger` event (from/to ledger in its data). Setting the
 * ledger the order is already in changes and records nothing.
 */
export async function setLedger(
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  ledger: Ledger,
  note: string | undefined,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    if (!order || !(await maySeeStoredOrder(trx, actor, order)))
      throw fail("NOT_FOUND", { what: `order ${orderId}` });
    requirePermission(actor, "ledgers.manage");
    if (order.ledger === ledger) return { order, changed: false };
    const now = ctx.now();
    const updated = await updateOrder(trx, order, { ledger }, now);
    await appendEvent(trx, {
      orderId,
      action: "ledger",
      fromState: order.state,
      toState: order.state,
      actorId: actor.id,
      actorRole: actor.role,
      unitId: actor.unitId,
      note: note ?? null,
      data: { from: order.ledger, to: ledger },
      at: now,
    });
    await announceChange(trx, updated, "ledger", now);
    return { order: updated, changed: true };
  });
}
