import { Type } from "@sinclair/typebox";
import type { Actor } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";
import { performRecord } from "../orders/commands/perform.js";
import { defineAction } from "../orders/commands/types.js";
import { insertSpotCheck, type NewSpotCheck } from "./repository.js";

export type SpotCheckInput = Pick<NewSpotCheck, "checkerKind" | "checkerName" | "result"> & {
  comment?: string;
};

/**
 * 社会评价: a spot check is evidence for assessment, recorded through the order executor as the
 * `spot_check` action: the state stays, the version moves, the history gains the check (who checked and
 * how) and the change is announced live.
 */
const spotCheck = defineAction({
  summary: "社会评价 Record a spot check of how the order was handled",
  input: Type.Object({
    checkerKind: Type.Union([
      Type.Literal("third_party"),
      Type.Literal("deputy"),
      Type.Literal("supervisor"),
    ]),
    checkerName: Type.String(),
    result: Type.Union([Type.Literal("pass"), Type.Literal("fail")]),
    comment: Type.Optional(Type.String()),
  }),
  effect: async ({ trx, order, actor, now }, input) => {
    const check = await insertSpotCheck(trx, {
      ...input,
      comment: input.comment ?? null,
      orderId: order.id,
      recordedBy: actor?.id as number,
      at: now,
    });
    return {
      note: input.comment ?? null,
      data: {
        spotCheckId: check.id,
        checkerKind: check.checker_kind,
        checkerName: check.checker_name,
        result: check.result,
      },
      result: { check },
    };
  },
});

/** Records a spot check against an order the actor may see (an order outside it is "not found"). */
export async function recordSpotCheck(ctx: AppContext, actor: Actor, orderId: string, input: SpotCheckInput) {
  const { order, result } = await performRecord(
    ctx,
    actor,
    { orderId, action: "spot_check", input: { ...input } },
    spotCheck,
  );
  return { check: result.check as Awaited<ReturnType<typeof insertSpotCheck>>, orderNo: order.order_no };
}
