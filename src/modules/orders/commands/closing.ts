import { Type } from "@sinclair/typebox";
import { coversRegion } from "../../../platform/auth/permissions.js";
import { fail } from "../../../platform/errors.js";
import type { DemandType } from "../../time-limits/rules.js";
import { isSatisfactory, latestVisit, openVisits, pendingVisit } from "../../visits/service.js";
import { findOrder } from "../repository.js";
import { OPEN_STATES, type OrderState } from "../workflow/lifecycle.js";
import { defineAction } from "./types.js";

const Reason = Type.String({ minLength: 2, maxLength: 1000 });
const Note = Type.Optional(Type.String({ maxLength: 1000 }));

export const verify = defineAction({
  summary: "审核 The command centre accepts the reply; return visits open for every caller",
  input: Type.Object({ note: Note }, { additionalProperties: false }),
  effect: async ({ trx, tokens }, input) => ({
    note: input.note,
    after: async (updated) => {
      await openVisits(trx, tokens, updated);
    },
  }),
});

export const rework = defineAction({
  summary: "退回重办 The reply is not good enough: back to the unit",
  input: Type.Object({ reason: Reason }, { additionalProperties: false }),
  effect: async (_scope, input) => ({
    patch: { replied_at: null, disposition: null, reply_text: null },
    note: input.reason,
  }),
});

export const VisitInput = Type.Object(
  {
    solved: Type.Union([Type.Literal("solved"), Type.Literal("partly"), Type.Literal("unsolved")], {
      description: "解决/部分解决/未解决",
    }),
    satisfied: Type.Union(
      [Type.Literal("satisfied"), Type.Literal("basically"), Type.Literal("unsatisfied")],
      {
        description: "满意/基本满意/不满意",
      },
    ),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const visit = defineAction({
  summary: "回访 Record the caller's rating; a satisfactory one closes the order",
  input: VisitInput,
  effect: async ({ trx, order, actor, now }, input) => {
    const task = await pendingVisit(trx, order.id);
    if (!task) throw fail("CONFLICT", { detail: "没有待回访任务 / no visit is pending" });
    await trx
      .updateTable("visits")
      .set({
        state: "done",
        method: actor?.role === "resident" || !actor ? "online" : "phone",
        solved: input.solved,
        satisfied: input.satisfied,
        comment: input.comment ?? null,
        visited_by: actor?.id ?? null,
        visited_at: now,
      })
      .where("id", "=", task.id)
      .execute();
    const satisfactory = isSatisfactory(input.solved, input.satisfied);
    return {
      note: input.comment,
      data: { solved: input.solved, satisfied: input.satisfied, round: task.round },
      chain:
        satisfactory && order.state === "verified"
          ? { action: "close", message: { code: "satisfied_visit_closed" } }
          : undefined,
    };
  },
});

export const reopen = defineAction({
  summary: "重办 Reopen after an unsolved or unsatisfied visit; a new handling round and deadline",
  input: Type.Object({ reason: Reason }, { additionalProperties: false }),
  effect: async ({ trx, timeLimits, order, now }, input) => {
    const last = await latestVisit(trx, order.id);
    if (!last?.solved || !last.satisfied || isSatisfactory(last.solved, last.satisfied)) {
      throw fail("CONFLICT", {
        detail: "仅未解决或不满意的回访可重办 / only an unsolved or unsatisfied visit can be reopened",
      });
    }
    const deadlines = timeLimits.deadlinesFor(
      { categoryCode: order.category_code, type: order.demand_type as DemandType, urgent: order.urgent },
      now,
    );
    return {
      patch: {
        reopen_count: order.reopen_count + 1,
        replied_at: null,
        disposition: null,
        reply_text: null,
        handling_due_at: deadlines.handlingDueAt,
        warning_level: "none",
      },
      note: input.reason,
      data: { round: order.reopen_count + 2, handlingDueAt: deadlines.handlingDueAt },
    };
  },
});

export const close = defineAction({
  summary: "办结 Close after the visit (or, with a note, when the caller cannot be visited)",
  input: Type.Object({ note: Note }, { additionalProperties: false }),
  effect: async ({ order, actor, now }, input) => {
    // Minhu closes a verified order itself after a satisfactory visit, with its own message.
    if (order.state === "verified" && !input.note && actor) {
      throw fail("VALIDATION_FAILED", {
        detail: "closing without a visit needs a note (why the caller was not visited)",
      });
    }
    return { patch: { closed_at: now }, note: input.note, cascade: "share_close" };
  },
});

export const merge = defineAction({
  summary:
    "合并 Join this demand to an open one about the same problem; its caller still gets the reply and a visit",
  input: Type.Object(
    { targetOrderId: Type.String({ pattern: "^[0-9]{1,18}$" }), note: Note },
    { additionalProperties: false },
  ),
  effect: async ({ trx, order, actor }, input) => {
    const target = await findOrder(trx, input.targetOrderId);
    const visible =
      target &&
      actor &&
      (coversRegion(actor, target.region_code) || coversRegion(actor, target.holder_region_code));
    if (!target || !visible) throw fail("NOT_FOUND", { what: `order ${input.targetOrderId}` });
    if (
      target.id === order.id ||
      target.merged_into_id ||
      !(OPEN_STATES as readonly OrderState[]).includes(target.state as OrderState)
    ) {
      throw fail("CONFLICT", {
        detail: "只能合并到另一个办理中的工单 / can only merge into another open order",
      });
    }
    return {
      patch: { merged_into_id: target.id },
      note: input.note,
      data: { targetOrderId: target.id, targetOrderNo: target.order_no },
    };
  },
});

export const urge = defineAction({
  summary: "催办/督办 Urge the order; it is put under supervision",
  input: Type.Object({ note: Reason }, { additionalProperties: false }),
  effect: async ({ order, now }, input) => ({
    patch: { urge_count: order.urge_count + 1, supervised_at: order.supervised_at ?? now },
    note: input.note,
    unitId: order.main_unit_id,
  }),
});
