import { Type } from "@sinclair/typebox";
import type { Actor } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";
import { performRecord } from "../orders/commands/perform.js";
import { defineAction } from "../orders/commands/types.js";
import type { SystemMessage } from "../orders/messages.js";
import { LEDGERS, type Ledger } from "./labels.js";

/**
 * 调整台账: files an order in another ledger (e.g. 一般问题 → 疑难问题) through the order executor as
 * the `refile` action: the state stays, the version moves, the history records it (from/to ledger in its
 * data) and the change is announced. Setting the ledger the order is already in changes and records nothing.
 */
const refile = defineAction({
  summary: "调整台账 File the order in another ledger",
  input: Type.Object({
    ledger: Type.Union(LEDGERS.map((l) => Type.Literal(l))),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    message: Type.Optional(Type.Unknown()),
  }),
  effect: async ({ order, actor }, input) => {
    if (order.ledger === input.ledger) return { unchanged: true, result: { changed: false } };
    return {
      patch: { ledger: input.ledger },
      note: input.note ?? null,
      message: input.message as SystemMessage | undefined,
      unitId: actor?.unitId ?? null,
      data: { from: order.ledger, to: input.ledger },
      result: { changed: true },
    };
  },
});

export async function setLedger(
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  ledger: Ledger,
  note: string | undefined,
  message?: SystemMessage,
) {
  const { order, result } = await performRecord(
    ctx,
    actor,
    { orderId, action: "refile", input: { ledger, note, message } },
    refile,
  );
  return { order, changed: result.changed === true };
}
