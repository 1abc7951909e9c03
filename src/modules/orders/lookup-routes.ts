import { timingSafeEqual } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { clientKey } from "../../platform/throttle/client.js";
import { type Attempt, checkThrottle, recordAttempt } from "../../platform/throttle/throttle.js";
import { presentOrder } from "./presenter.js";
import { categoryName, findOrderByNumber, loadOrderDetail, ordersOfCaller } from "./queries.js";
import { TRACKING_CODE_PATTERN, TRACKING_LIMITS } from "./tracking.js";

const Phone = Type.String({ pattern: "^\\+?[0-9][0-9 -]{6,19}$" });

/** The stages a resident sees (受理 → 派单 → 办理 → 答复 → 回访 → 办结), with when each was reached. */
export function progressOf(order: {
  accepted_at: Date | null;
  dispatched_at: Date | null;
  signed_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
}) {
  return [
    { stage: "registered", at: order.created_at },
    { stage: "accepted", at: order.accepted_at },
    { stage: "dispatched", at: order.dispatched_at },
    { stage: "handling", at: order.signed_at },
    { stage: "replied", at: order.replied_at },
    { stage: "closed", at: order.closed_at },
  ];
}

/** Tracking without an account, and the operator's caller lookup. */
export const lookupRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/track",
    {
      config: { access: "public" },
      schema: {
        tags: ["orders"],
        summary:
          "Track a demand by its order number and the tracking code on the receipt, without an account",
        description:
          "Every attempt is recorded. A wrong code answers exactly like an unknown order number; after 30 " +
          "failures an hour from one address, or 50 for one order number, 429 RATE_LIMITED with Retry-After.",
        querystring: Type.Object(
          {
            orderNo: Type.String({ pattern: "^[A-Z]{2}[0-9]{12,14}$" }),
            code: Type.String({ pattern: TRACKING_CODE_PATTERN, description: "查询码 on the receipt" }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { orderNo, code } = request.query;
      const attempt: Attempt = {
        kind: "tracking",
        subject: orderNo,
        client: clientKey(request.ip),
        now: ctx.now(),
      };
      await checkThrottle(ctx.db, attempt, TRACKING_LIMITS);
      const order = await findOrderByNumber(ctx.db, orderNo);
      const found = order !== undefined && sameCode(order.tracking_code, code);
      await recordAttempt(ctx.db, attempt, found ? "ok" : "wrong");
      // A wrong code answers exactly like an unknown number: nothing to learn by guessing.
      if (!order || !found) throw fail("NOT_FOUND", { what: orderNo });
      const category = order.category_code ? await categoryName(ctx.db, order.category_code) : null;
      return {
        orderNo: order.order_no,
        title: order.title,
        category,
        state: order.state,
        disposition: order.disposition,
        replyText: order.reply_text,
        progress: progressOf(order),
      };
    },
  );

  app.get(
    "/api/callers/orders",
    {
      config: { access: "phones.reveal" },
      schema: {
        tags: ["orders"],
        summary:
          "Earlier demands from the same phone number, inside the caller's scope (12345 caller lookup)",
        querystring: Type.Object({ phone: Phone }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role === "unit_handler") throw fail("FORBIDDEN");
      const hash = ctx.vault.lookupHash(request.query.phone);
      const rows = await ordersOfCaller(ctx.db, actor, hash, 20);
      const orders = await Promise.all(rows.map((r) => loadOrderDetail(ctx.db, r.id)));
      return { items: orders.flatMap((o) => (o ? [presentOrder(ctx, actor, o)] : [])) };
    },
  );
};

/** Compares codes in constant time, case-insensitively (people read them out and type them back). */
function sameCode(stored: string, given: string): boolean {
  const a = Buffer.from(stored.toUpperCase());
  const b = Buffer.from(given.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
