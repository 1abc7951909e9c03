import { maySeeStoredOrder } from "../../platform/auth/order-visibility.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { announceChange } from "../orders/changes.js";
import { appendEvent, findOrder } from "../orders/repository.js";
import { insertSpotCheck, type NewSpotCheck } from "./repository.js";

export type SpotCheckInput = Pick<NewSpotCheck, "checkerKind" | "checkerName" | "result"> & {
  comment?: string;
};

/**
 * Records a spot check (社会评价) against an order the actor may see. It is evidence for assessment,
 * not a step of the lifecycle: the order's state and version stay, and its history gains a
 * `spot_check` event so that anyone reading the order sees it was checked and how.
 */
export async function recordSpotCheck(ctx: AppContext, actor: Actor, orderId: string, input: SpotCheckInput) {
  const order = await findOrder(ctx.db, orderId);
  if (!order || !(await maySeeStoredOrder(ctx.db, actor, order)))
    throw fail("NOT_FOUND", { what: `order ${orderId}` });
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const check = await insertSpotCheck(trx, {
      ...input,
      comment: input.comment ?? null,
      orderId,
      recordedBy: actor.id,
      at: now,
    });
    await appendEvent(trx, {
      orderId,
      action: "spot_check",
      fromState: order.state,
      toState: order.state,
      actorId: actor.id,
      actorRole: actor.role,
      note: input.comment ?? null,
      data: {
        spotCheckId: check.id,
        checkerKind: check.checker_kind,
        checkerName: check.checker_name,
        result: check.result,
      },
      at: now,
    });
    await announceChange(trx, order, "spot_check", now);
    return { check, orderNo: order.order_no };
  });
}
