import { Type } from "@sinclair/typebox";
import type { Kysely, Transaction } from "kysely";
import type { DB, Order } from "../../../db/schema.js";
import { chinaDate } from "../../../platform/calendar/china-time.js";
import { fail } from "../../../platform/errors.js";
import { holderAt } from "../../routing/catalogue.js";
import type { DemandType } from "../../time-limits/rules.js";
import { endAssignments, markAssignment, reassign } from "../repository.js";
import { NEXT_LEVEL } from "../workflow/lifecycle.js";
import { type ActionScope, defineAction } from "./types.js";

const Reason = Type.String({ minLength: 2, maxLength: 1000, description: "why (shown in the history)" });
const Note = Type.Optional(Type.String({ maxLength: 1000 }));
const DispatchInput = Type.Object(
  {
    mainUnitId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "主办单位" }),
    assistingUnitIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
        maxItems: 10,
        uniqueItems: true,
        description: "协办单位",
      }),
    ),
    note: Note,
  },
  { additionalProperties: false },
);

/** 退单 is allowed within this many working days after dispatch. */
export const RETURN_WINDOW_WORKING_DAYS = 2;

export const accept = defineAction({
  summary: "受理 Accept the order at its handling level",
  input: Type.Object({ note: Note }, { additionalProperties: false }),
  effect: async ({ order, now }, input) => ({
    patch: { accepted_at: order.accepted_at ?? now },
    note: input.note,
  }),
});

export const reject = defineAction({
  summary: "不予受理 Reject an invalid demand, with the reason",
  input: Type.Object({ reason: Reason }, { additionalProperties: false }),
  effect: async ({ now }, input) => ({ patch: { closed_at: now }, note: input.reason }),
});

export const escalate = defineAction({
  summary: "上报 Hand the order to the next level up",
  input: Type.Object({ reason: Reason }, { additionalProperties: false }),
  effect: async ({ order }, input) => {
    const next = NEXT_LEVEL[order.handling_level];
    if (!next) throw fail("ILLEGAL_TRANSITION", { state: `${order.state}@district`, action: "escalate" });
    const holder = holderAt(next, placementOf(order));
    return {
      patch: { handling_level: holder.level, holder_region_code: holder.regionCode },
      note: input.reason,
      data: { fromLevel: order.handling_level, toLevel: holder.level, holder: holder.regionCode },
    };
  },
});

export const dispatch = defineAction({
  summary: "派单 Dispatch to a main unit and optional assisting units; starts the clocks",
  input: DispatchInput,
  effect: async (scope, input) => assignUnits(scope, input, "dispatch"),
});

export const transfer = defineAction({
  summary: "改派 Move the order to another unit; the handling deadline stays",
  input: DispatchInput,
  effect: async (scope, input) => assignUnits(scope, input, "transfer"),
});

export const sign = defineAction({
  summary: "签收 The main unit signs for the order",
  input: Type.Object({ note: Note }, { additionalProperties: false }),
  effect: async ({ trx, order, actor, now }, input) => {
    await markAssignment(trx, order.id, order.main_unit_id as number, "signed_at", now);
    return { patch: { signed_at: now }, note: input.note, unitId: actor?.unitId };
  },
});

export const returnOrder = defineAction({
  summary: "退单 Return a wrong dispatch to the dispatcher (within 2 working days)",
  input: Type.Object({ reason: Reason }, { additionalProperties: false }),
  effect: async ({ trx, timeLimits, order, actor, now }, input) => {
    const dispatchedOn = chinaDate(order.dispatched_at as Date);
    if (timeLimits.calendar.workingDaysBetween(dispatchedOn, chinaDate(now)) > RETURN_WINDOW_WORKING_DAYS) {
      throw fail("CONFLICT", {
        detail: `退单须在派单后${RETURN_WINDOW_WORKING_DAYS}个工作日内 / returns are allowed within ${RETURN_WINDOW_WORKING_DAYS} working days`,
      });
    }
    await endAssignments(trx, order.id, now, "returned");
    return {
      patch: {
        main_unit_id: null,
        response_due_at: null,
        signed_at: null,
        return_count: order.return_count + 1,
      },
      note: input.reason,
      unitId: actor?.unitId,
    };
  },
});

async function assignUnits(
  { trx, timeLimits, order, now }: ActionScope,
  input: { mainUnitId: number; assistingUnitIds?: number[]; note?: string },
  kind: "dispatch" | "transfer",
) {
  const assisting = input.assistingUnitIds ?? [];
  await requireUnitsServe(trx, order, [input.mainUnitId, ...assisting]);
  const query = {
    categoryCode: order.category_code,
    type: order.demand_type as DemandType,
    urgent: order.urgent,
  };
  const deadlines = timeLimits.deadlinesFor(query, now);
  // The handling clock starts at the first dispatch: returns, transfers and redispatches do not reset it.
  const handlingDue = order.handling_due_at ?? deadlines.handlingDueAt;
  await reassign(
    trx,
    order.id,
    input.mainUnitId,
    assisting,
    now,
    kind === "transfer" ? "transferred" : "redispatched",
  );
  return {
    patch: {
      main_unit_id: input.mainUnitId,
      dispatched_at: order.dispatched_at ?? now,
      signed_at: null,
      response_due_at: deadlines.responseDueAt,
      handling_due_at: handlingDue,
      original_handling_due_at: order.original_handling_due_at ?? handlingDue,
    },
    note: input.note,
    unitId: input.mainUnitId,
    data: {
      mainUnitId: input.mainUnitId,
      assistingUnitIds: assisting,
      responseDueAt: deadlines.responseDueAt,
      handlingDueAt: handlingDue,
    },
  };
}

/** A unit may only receive orders inside its jurisdiction (a department's is the whole district). */
async function requireUnitsServe(
  trx: Transaction<DB> | Kysely<DB>,
  order: Order,
  unitIds: number[],
): Promise<void> {
  const units = await trx
    .selectFrom("units")
    .select(["id", "region_code", "active"])
    .where("id", "in", unitIds)
    .execute();
  for (const id of unitIds) {
    const unit = units.find((u) => u.id === id);
    if (!unit?.active) throw fail("VALIDATION_FAILED", { detail: `unknown unit ${id}` });
    if (!order.region_code.startsWith(unit.region_code)) {
      throw fail("VALIDATION_FAILED", { detail: `unit ${id} does not serve region ${order.region_code}` });
    }
  }
}

/** The order's location as the routing rules see it. */
export function placementOf(order: Order) {
  return {
    districtCode: order.region_code.slice(0, 6),
    streetCode: order.street_code,
    communityCode: order.community_code,
    gridCode: order.grid_code,
  };
}
