import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { periodRange } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";
import { listSpotChecks } from "./repository.js";
import { recordSpotCheck } from "./spot-checks.js";

const Result = Type.Union([Type.Literal("pass"), Type.Literal("fail")]);

/** The China-time bounds of a reporting period ("2026-11", "2026-Q4", "2026", "2026-11-26"). */
function periodBounds(period: string | undefined): { from?: Date; to?: Date } {
  if (!period) return {};
  try {
    const range = periodRange(period);
    return { from: range.start, to: range.end };
  } catch {
    throw fail("VALIDATION_FAILED", {
      detail: `period ${period}: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD`,
    });
  }
}

/** 督查: spot checks (社会评价) recorded against orders and listed for assessment. */
export const supervisionRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/orders/:id/spot-checks",
    {
      config: { access: "spot-checks.record" },
      schema: {
        tags: ["supervision"],
        summary:
          "Record a third-party, deputy or supervisor spot check of an order; the order's state does not change",
        params: Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) }),
        body: Type.Object(
          {
            checkerKind: Type.Union([
              Type.Literal("third_party"),
              Type.Literal("deputy"),
              Type.Literal("supervisor"),
            ]),
            checkerName: Type.String({ minLength: 1, maxLength: 100 }),
            result: Result,
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { check, orderNo } = await recordSpotCheck(ctx, actorOf(request), id, request.body);
      return reply.status(201).send({
        id: check.id,
        orderId: check.order_id,
        orderNo,
        checkerKind: check.checker_kind,
        checkerName: check.checker_name,
        result: check.result,
        comment: check.comment,
        createdAt: check.created_at,
      });
    },
  );

  app.get(
    "/api/spot-checks",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["supervision"],
        summary: "Spot checks of the orders in the caller's scope, by period and result, newest first",
        querystring: Type.Object(
          {
            period: Type.Optional(Type.String({ maxLength: 10 })),
            result: Type.Optional(Result),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const query = request.query;
      const filter = { ...query, ...periodBounds(query.period) };
      const { passed, failed, rows } = await listSpotChecks(ctx.db, actorOf(request), filter);
      const total = query.result === "pass" ? passed : query.result === "fail" ? failed : passed + failed;
      return {
        total,
        passed,
        failed,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((r) => ({
          id: r.id,
          orderId: r.order_id,
          orderNo: r.order_no,
          title: r.title,
          regionCode: r.region_code,
          regionName: ctx.regions.get(r.region_code)?.name ?? null,
          checkerKind: r.checker_kind,
          checkerName: r.checker_name,
          result: r.result,
          comment: r.comment,
          recordedBy: r.recorded_by_name,
          createdAt: r.created_at,
        })),
      };
    },
  );
};
