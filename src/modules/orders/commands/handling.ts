import { Type } from "@sinclair/typebox";
import { fail } from "../../../platform/errors.js";
import { AttachmentsInput, checkAttachments, identify } from "../../demands/attachments.js";
import type { DemandType } from "../../time-limits/rules.js";
import { addAttachments, markAssignment } from "../repository.js";
import { defineAction } from "./types.js";

/** 三种答复: reasonable → solved in time; unreasonable → explained and soothed; unlawful → handled by law. */
export const DISPOSITIONS = ["solved", "explained", "handled_by_law"] as const;
const Disposition = Type.Union(
  DISPOSITIONS.map((d) => Type.Literal(d)),
  {
    description: "限时解决到位 solved · 解释安抚到位 explained · 依法依规处理 handled_by_law",
  },
);
const ReplyInput = Type.Object(
  { disposition: Disposition, text: Type.String({ minLength: 5, maxLength: 4000, description: "答复内容" }) },
  { additionalProperties: false },
);

export const requestExtension = defineAction({
  summary: "申请延期 Ask for more working days; nothing pauses meanwhile",
  input: Type.Object(
    {
      workingDays: Type.Integer({ minimum: 1, maximum: 30 }),
      reason: Type.String({ minLength: 2, maxLength: 1000 }),
    },
    { additionalProperties: false },
  ),
  effect: async ({ trx, order, actor }, input) => {
    const pending = await trx
      .selectFrom("extension_requests")
      .select("id")
      .where("order_id", "=", order.id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (pending)
      throw fail("CONFLICT", { detail: "已有待审批的延期申请 / an extension request is already pending" });
    const request = await trx
      .insertInto("extension_requests")
      .values({
        order_id: order.id,
        unit_id: actor?.unitId ?? null,
        requested_by: actor?.id ?? null,
        working_days: input.workingDays,
        reason: input.reason,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      note: input.reason,
      unitId: actor?.unitId,
      data: { requestId: request.id, workingDays: input.workingDays },
      result: { requestId: request.id },
    };
  },
});

export const decideExtension = defineAction({
  summary: "审批延期 Approve (moves the handling deadline) or refuse the pending extension",
  input: Type.Object(
    { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 1000 })) },
    { additionalProperties: false },
  ),
  effect: async ({ trx, timeLimits, order, actor, now }, input) => {
    const request = await trx
      .selectFrom("extension_requests")
      .selectAll()
      .where("order_id", "=", order.id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (!request) throw fail("CONFLICT", { detail: "没有待审批的延期申请 / no pending extension request" });
    await trx
      .updateTable("extension_requests")
      .set({
        state: input.approve ? "approved" : "rejected",
        decided_by: actor?.id ?? null,
        decided_at: now,
        decision_note: input.note ?? null,
      })
      .where("id", "=", request.id)
      .execute();
    const data = { requestId: request.id, approved: input.approve, workingDays: request.working_days };
    if (!input.approve || !order.handling_due_at) return { note: input.note, data };
    const handlingDue = timeLimits.extend(order.handling_due_at, request.working_days);
    return {
      patch: { handling_due_at: handlingDue, warning_level: "none" },
      note: input.note,
      data: { ...data, handlingDueAt: handlingDue },
    };
  },
});

export const reply = defineAction({
  summary:
    "答复 Reply with a disposition and the text the caller will hear, with photos of the result (处置后照片) if any",
  input: Type.Object(
    {
      ...ReplyInput.properties,
      attachments: Type.Optional(AttachmentsInput),
    },
    { additionalProperties: false },
  ),
  effect: async ({ trx, order, actor, now }, input) => {
    // Checked as at intake (real image type, 5 MB each) before anything is written.
    const photos = identify(checkAttachments(input.attachments ?? []));
    await markAssignment(trx, order.id, order.main_unit_id as number, "replied_at", now);
    await addAttachments(trx, order.id, actor?.id ?? null, photos);
    return {
      patch: { replied_at: now, disposition: input.disposition, reply_text: input.text },
      note: input.text,
      unitId: actor?.unitId,
      data: {
        disposition: input.disposition,
        ...(photos.length > 0 ? { attachmentIds: photos.map((p) => p.id) } : {}),
      },
      cascade: "share_reply",
    };
  },
});

export const solveOnSpot = defineAction({
  summary: "就地办结 A grid worker solves a grid-level matter in person (小事不出格)",
  input: ReplyInput,
  effect: async ({ timeLimits, order, now }, input) => {
    if (order.handling_level !== "grid") {
      throw fail("ILLEGAL_TRANSITION", {
        state: `${order.state}@${order.handling_level}`,
        action: "solve_on_spot",
      });
    }
    const deadlines = timeLimits.deadlinesFor(
      { categoryCode: order.category_code, type: order.demand_type as DemandType, urgent: order.urgent },
      now,
    );
    return {
      patch: {
        solved_on_spot: true,
        accepted_at: order.accepted_at ?? now,
        dispatched_at: now,
        signed_at: now,
        replied_at: now,
        response_due_at: deadlines.responseDueAt,
        handling_due_at: deadlines.handlingDueAt,
        original_handling_due_at: deadlines.handlingDueAt,
        disposition: input.disposition,
        reply_text: input.text,
      },
      note: input.text,
      data: { disposition: input.disposition },
    };
  },
});

export const rateDispatch = defineAction({
  summary: "谁行谁评 The unit rates the dispatch: right unit? reasonable demand?",
  input: Type.Object(
    {
      rightUnit: Type.Boolean(),
      reasonable: Type.Boolean(),
      comment: Type.Optional(Type.String({ maxLength: 1000 })),
    },
    { additionalProperties: false },
  ),
  effect: async ({ trx, order, actor }, input) => {
    const unitId = actor?.unitId as number;
    const inserted = await trx
      .insertInto("dispatch_ratings")
      .values({
        order_id: order.id,
        unit_id: unitId,
        right_unit: input.rightUnit,
        reasonable: input.reasonable,
        comment: input.comment ?? null,
        rated_by: actor?.id ?? null,
      })
      .onConflict((oc) => oc.columns(["order_id", "unit_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw fail("CONFLICT", { detail: "已评价 / already rated" });
    return {
      note: input.comment,
      unitId,
      data: { rightUnit: input.rightUnit, reasonable: input.reasonable },
    };
  },
});
