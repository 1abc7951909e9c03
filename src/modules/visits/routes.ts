import { Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { TokenSigner } from "../../platform/privacy/tokens.js";
import { clientKey } from "../../platform/throttle/client.js";
import { type Attempt, checkThrottle, type Limit, recordAttempt } from "../../platform/throttle/throttle.js";
import { VisitInput } from "../orders/commands/closing.js";
import { performAction } from "../orders/commands/perform.js";
import { findVisitByToken } from "./repository.js";

const TokenParams = Type.Object({ token: Type.String({ pattern: "^[A-Za-z0-9_-]{20,100}$" }) });

/** Rating links are long and signed, so guessing is hopeless; still, 30 unknown links an hour per address. */
export const RATING_LIMITS: readonly Limit[] = [{ per: "client", max: 30, windowMs: 60 * 60 * 1000 }];

/** 一事一评 online: the caller opens the rating link (no account needed) and rates the handling. */
export const visitRoutes: Routes = async (app, { ctx }) => {
  async function findByToken(token: string, ip: string) {
    const attempt: Attempt = { kind: "rating", subject: "", client: clientKey(ip), now: ctx.now() };
    await checkThrottle(ctx.db, attempt, RATING_LIMITS);
    const visit = await findVisitByToken(ctx.db, TokenSigner.hash(token));
    await recordAttempt(ctx.db, attempt, visit ? "ok" : "wrong");
    if (!visit) throw fail("NOT_FOUND", { what: "visit" });
    return visit;
  }

  app.get(
    "/api/visits/:token",
    {
      config: { access: "public" },
      schema: {
        tags: ["visits"],
        summary: "What the rating link is about: the demand and its reply",
        params: TokenParams,
      },
    },
    async (request) => {
      const visit = await findByToken(request.params.token, request.ip);
      return {
        orderNo: visit.order_no,
        title: visit.title,
        content: visit.content,
        disposition: visit.disposition,
        replyText: visit.reply_text,
        repliedAt: visit.replied_at,
        round: visit.round,
        state: visit.state,
        solved: visit.solved,
        satisfied: visit.satisfied,
      };
    },
  );

  app.post(
    "/api/visits/:token",
    {
      config: { access: "public" },
      schema: {
        tags: ["visits"],
        summary: "Rate the handling through the link: solved? satisfied? comment",
        params: TokenParams,
        body: VisitInput,
      },
    },
    async (request) => {
      const visit = await findByToken(request.params.token, request.ip);
      if (visit.state !== "pending") throw fail("CONFLICT", { detail: "已评价 / already rated" });
      const { order } = await performAction(
        ctx,
        { kind: "visit_link" },
        { orderId: visit.order_id, action: "visit", input: request.body },
      );
      return { orderNo: order.order_no, state: order.state };
    },
  );
};
