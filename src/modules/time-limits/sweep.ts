import type { AppContext } from "../context.js";
import { announceChange } from "../orders/changes.js";
import { appendEvent, updateOrder } from "../orders/repository.js";
import { handlingClockBasis, type WarningLevel, warningLevel } from "./deadlines.js";
import type { DemandType } from "./rules.js";

/** States in which the handling clock runs (dispatched but not yet replied). */
const RUNNING: string[] = ["dispatched", "handling"];

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
    .where("state", "in", RUNNING)
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
    if (level === candidate.warning_level) continue;
    const supervised = await raiseWarning(ctx, candidate.id, level, now);
    counts[level === "red" ? "red" : "yellow"] += 1;
    if (supervised) counts.supervised += 1;
  }
  return counts;
}

/** Writes the new warning level; returns true when the order was newly put under supervision. */
async function raiseWarning(
  ctx: AppContext,
  orderId: string,
  level: WarningLevel,
  now: Date,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", orderId)
      .forUpdate()
      .executeTakeFirst();
    if (!order || !RUNNING.includes(order.state)) return false;
    const supervise = level === "red" && !order.supervised_at;
    const updated = await updateOrder(
      trx,
      order,
      { warning_level: level, ...(supervise ? { supervised_at: now } : {}) },
      now,
    );
    if (supervise) {
      await appendEvent(trx, {
        orderId,
        action: "supervise",
        fromState: order.state,
        toState: order.state,
        actorId: null,
        actorRole: "system",
        unitId: order.main_unit_id,
        note: "超期未办结，自动督办 / overdue: automatically under supervision",
        data: { handlingDueAt: order.handling_due_at },
        at: now,
      });
    }
    await announceChange(trx, updated, supervise ? "supervise" : "warning", now);
    return supervise;
  });
}
