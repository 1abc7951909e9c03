import type { AppContext } from "../context.js";
import { applySystemAction } from "../orders/commands/perform.js";
import { orderTx } from "../orders/commands/types.js";
import { lockOrder } from "../orders/repository.js";
import { type OrderState, RUNNING } from "../orders/workflow/lifecycle.js";
import { handlingClockBasis, type WarningLevel, warningLevel } from "./deadlines.js";
import type { DemandType } from "./rules.js";

/**
 * The deadline watch (限时办理预警), run as a database-backed job: yellow at 75% of the limit, red
 * when overdue, and an overdue order is put under supervision (督办) with an event, once.
 */
export async function sweepDeadlines(
  ctx: AppContext,
): Promise<{ yellow: number; red: number; supervised: number }> {
  const now = ctx.now();
  const candidates = await ctx.db
    .selectFrom("orders")
    .select([
      "id",
      "dispatched_at",
      "handling_due_at",
      "warning_level",
      "category_code",
      "demand_type",
      "urgent",
    ])
    .where("state", "in", [...RUNNING])
    .where("handling_due_at", "is not", null)
    .where("warning_level", "!=", "red")
    .execute();
  const counts = { yellow: 0, red: 0, supervised: 0 };
  for (const candidate of candidates) {
    const rule = ctx.timeLimits.ruleFor({
      categoryCode: candidate.category_code,
      type: candidate.demand_type as DemandType,
      urgent: candidate.urgent,
    });
    const level = warningLevel(
      ctx.timeLimits.calendar,
      handlingClockBasis(rule),
      candidate.dispatched_at as Date,
      candidate.handling_due_at as Date,
      now,
    );
    if (level === candidate.warning_level || level === "none") continue;
    const supervised = await raiseWarning(ctx, candidate.id, level);
    counts[level === "red" ? "red" : "yellow"] += 1;
    if (supervised) counts.supervised += 1;
  }
  return counts;
}

/**
 * Raises the order's warning level through the order executor: `supervise` when it turns red and is
 * not yet under supervision (督办), `warn` otherwise. Returns true when the order was newly supervised.
 */
async function raiseWarning(
  ctx: AppContext,
  orderId: string,
  level: Exclude<WarningLevel, "none">,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    if (!order || !RUNNING.includes(order.state as OrderState) || order.warning_level === level) return false;
    const supervise = level === "red" && !order.supervised_at;
    await applySystemAction(
      orderTx(trx, ctx),
      order,
      supervise ? "supervise" : "warn",
      supervise ? {} : { level },
    );
    return supervise;
  });
}
