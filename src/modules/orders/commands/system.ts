import { Type } from "@sinclair/typebox";
import { fail } from "../../../platform/errors.js";
import { findOrder } from "../repository.js";
import { defineAction } from "./types.js";

const Nothing = Type.Object({}, { additionalProperties: false });

export const warn = defineAction({
  summary: "时限预警 The deadline watch raises the warning level (yellow at 75% of the limit, red overdue)",
  input: Type.Object(
    { level: Type.Union([Type.Literal("yellow"), Type.Literal("red")]) },
    { additionalProperties: false },
  ),
  effect: async ({ order }, input) => ({
    patch: { warning_level: input.level },
    unitId: order.main_unit_id,
    message: { code: input.level === "red" ? "deadline_red" : "deadline_yellow" },
    data: { level: input.level, handlingDueAt: order.handling_due_at },
  }),
});

export const supervise = defineAction({
  summary: "自动督办 An overdue order is put under supervision, once",
  input: Nothing,
  effect: async ({ order, now }) => ({
    patch: { warning_level: "red", supervised_at: order.supervised_at ?? now },
    unitId: order.main_unit_id,
    message: { code: "overdue_supervised" },
    data: { handlingDueAt: order.handling_due_at },
  }),
});

/** The order a merged one joined, which carries the handling. */
async function carrierOf(scope: Parameters<typeof supervise.effect>[0]) {
  const carrier = scope.order.merged_into_id ? await findOrder(scope.trx, scope.order.merged_into_id) : null;
  if (!carrier) throw fail("CONFLICT", { detail: `order ${scope.order.id} is not merged into another` });
  return carrier;
}

export const shareReply = defineAction({
  summary: "同步答复 A merged order's caller hears the reply of the order it joined (件件有着落)",
  input: Nothing,
  effect: async (scope) => {
    const carrier = await carrierOf(scope);
    return {
      patch: { disposition: carrier.disposition, reply_text: carrier.reply_text, replied_at: scope.now },
      message: { code: "merged_reply", params: { orderNo: carrier.order_no } },
      data: { carrierOrderId: carrier.id, disposition: carrier.disposition },
    };
  },
});

export const shareClose = defineAction({
  summary: "同步办结 A merged order is closed with the order it joined",
  input: Nothing,
  effect: async (scope) => {
    const carrier = await carrierOf(scope);
    return {
      patch: { closed_at: scope.now },
      message: { code: "merged_close", params: { orderNo: carrier.order_no } },
      data: { carrierOrderId: carrier.id },
    };
  },
});

/** 12345 更新 The fields the city platform may change on a work order it sent before. */
export const CityUpdateInput = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: 4000 }),
    title: Type.String({ minLength: 1, maxLength: 60 }),
    address: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    callerName: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    /** The phone as stored: cipher, lookup hash and mask, computed by the caller (who holds the vault). */
    phone: Type.Union([
      Type.Object({ cipher: Type.String(), hash: Type.String(), masked: Type.String() }),
      Type.Null(),
    ]),
    channelFields: Type.Record(Type.String(), Type.Unknown()),
    /** Which of the platform's fields changed, for the history. */
    changed: Type.Array(Type.String(), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const cityUpdate = defineAction({
  summary: "12345 更新 The city platform changed the work order: its text, caller or address",
  input: CityUpdateInput,
  effect: async (_scope, input) => ({
    patch: {
      content: input.content,
      title: input.title,
      address: input.address,
      caller_name: input.callerName,
      caller_phone_cipher: input.phone?.cipher ?? null,
      caller_phone_hash: input.phone?.hash ?? null,
      caller_phone_masked: input.phone?.masked ?? null,
      channel_fields: JSON.stringify(input.channelFields),
    },
    data: { changed: input.changed, workOrderNo: input.channelFields.workOrderNo },
  }),
});
