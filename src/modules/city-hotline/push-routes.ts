import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { checkSignature, SIGNATURE_HEADERS, SIGNATURE_WINDOW_SECONDS } from "../../platform/signing.js";
import type { AppContext } from "../context.js";
import { cityActor } from "./account.js";
import { applyRecord } from "./apply.js";
import { readRecord, resolveMapping } from "./format.js";
import { insertProblems, linksOf, pruneNonces, storeNonce } from "./repository.js";
import { sealed } from "./run.js";

const Cell = Type.Union([Type.String({ maxLength: 4000 }), Type.Number(), Type.Null()]);
const PushBody = Type.Object(
  {
    orders: Type.Array(Type.Record(Type.String({ maxLength: 40 }), Cell), { minItems: 1, maxItems: 50 }),
  },
  {
    additionalProperties: false,
    description: "work orders keyed by the export's column headers (工单编号, 诉求内容 …)",
  },
);

/** The exact bytes that were signed, kept beside the parsed body of a push. */
const rawBodies = new WeakMap<FastifyRequest, string>();

/**
 * 12345 推送 The city platform pushes work orders as they are registered. Each request is signed
 * with the shared secret over `timestamp.nonce.body` (HMAC-SHA256, X-Minhu-* headers), must be no
 * older than five minutes, and its nonce is stored so it cannot be replayed; then each order is
 * applied exactly like an imported row (created, updated, unchanged, queued for placement).
 */
export const cityPushRoutes: Routes = async (app, { ctx }) => {
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    rawBodies.set(request, String(body));
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(fail("VALIDATION_FAILED", { detail: "body is not JSON" }), undefined);
    }
  });

  app.post(
    "/api/integrations/12345/orders",
    {
      config: { access: "public" },
      // Before the body is validated: a stranger learns nothing of the schema.
      preValidation: async (request) => verifyPush(ctx, request),
      schema: {
        tags: ["integrations"],
        summary: "The city platform pushes 12345 work orders (HMAC-signed, replay-protected)",
        body: PushBody,
      },
    },
    async (request) => {
      const actor = await cityActor(ctx);
      const results = [];
      for (const order of request.body.orders) {
        const headers = Object.keys(order);
        const cells = Object.values(order).map((v) => (v === null ? "" : String(v)));
        const read = readRecord(cells, resolveMapping(headers).mapping);
        if ("problem" in read) {
          results.push({ workOrderNo: read.workOrderNo, outcome: "invalid", reason: read.problem });
          continue;
        }
        const link = (await linksOf(ctx.db, [read.record.workOrderNo])).get(read.record.workOrderNo);
        const outcome = await applyRecord(ctx, actor, read.record, { source: "push", dryRun: false, link });
        if (outcome.outcome === "unplaced") {
          await insertProblems(
            ctx.db,
            [
              {
                importId: null,
                rowNo: null,
                workOrderNo: outcome.workOrderNo,
                kind: "unplaced",
                reason: outcome.reason,
                detail: outcome.detail,
                record: sealed(ctx, read.record),
              },
            ],
            true,
          );
          results.push({ workOrderNo: outcome.workOrderNo, outcome: "unplaced", reason: outcome.reason });
          continue;
        }
        results.push({
          workOrderNo: outcome.workOrderNo,
          outcome: outcome.outcome,
          orderId: outcome.orderId,
        });
      }
      return { results };
    },
  );
};

async function verifyPush(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const secret = ctx.city.secret;
  if (!secret) throw fail("SIGNATURE_INVALID", { reason: "not configured" });
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const now = ctx.now();
  const problem = checkSignature(
    secret,
    { timestamp: header(SIGNATURE_HEADERS.timestamp), nonce, signature: header(SIGNATURE_HEADERS.signature) },
    rawBodies.get(request) ?? "",
    now,
  );
  if (problem) throw fail("SIGNATURE_INVALID", { reason: problem });
  if (!nonce || nonce.length < 8 || nonce.length > 100) throw fail("SIGNATURE_INVALID", { reason: "nonce" });
  // Nonces older than the window can go: their timestamps are refused anyway.
  await pruneNonces(ctx.db, new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000));
  const stored = await storeNonce(ctx.db, nonce, now);
  if (!stored) throw fail("SIGNATURE_INVALID", { reason: "replayed" });
}
