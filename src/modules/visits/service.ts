import type { Transaction } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { TokenSigner } from "../../platform/privacy/tokens.js";

export type Solved = "solved" | "partly" | "unsolved";
export type Satisfied = "satisfied" | "basically" | "unsatisfied";

/** 一事一评: a visit is satisfactory when the caller says (partly) solved and (basically) satisfied. */
export function isSatisfactory(solved: Solved, satisfied: Satisfied): boolean {
  return solved !== "unsolved" && satisfied !== "unsatisfied";
}

/** The round of the visit now due: one per handling round (first handling, then each 重办). */
export function visitRound(order: Pick<Order, "reopen_count">): number {
  return order.reopen_count + 1;
}

/**
 * Opens the return-visit tasks after verification: one for the order and one for every order merged
 * into it, so each caller is asked separately (合并后分别回访).
 */
export async function openVisits(trx: Transaction<DB>, tokens: TokenSigner, order: Order): Promise<string[]> {
  const merged = await trx
    .selectFrom("orders")
    .select(["id"])
    .where("merged_into_id", "=", order.id)
    .execute();
  const round = visitRound(order);
  const orderIds = [order.id, ...merged.map((m) => m.id)];
  await trx
    .insertInto("visits")
    .values(
      orderIds.map((id) => ({
        order_id: id,
        round,
        token_hash: TokenSigner.hash(tokens.visitToken(id, round)),
      })),
    )
    .onConflict((oc) => oc.columns(["order_id", "round"]).doNothing())
    .execute();
  return orderIds;
}

export async function pendingVisit(trx: Transaction<DB>, orderId: string) {
  return trx
    .selectFrom("visits")
    .selectAll()
    .where("order_id", "=", orderId)
    .where("state", "=", "pending")
    .orderBy("round", "desc")
    .executeTakeFirst();
}

export async function latestVisit(trx: Transaction<DB>, orderId: string) {
  return trx
    .selectFrom("visits")
    .selectAll()
    .where("order_id", "=", orderId)
    .orderBy("round", "desc")
    .executeTakeFirst();
}
