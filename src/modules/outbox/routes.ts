import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { requireWholeDistrict } from "../../platform/auth/permissions.js";
import { formatChinaDateTime } from "../../platform/calendar/china-time.js";
import { recordAudit, recordChange } from "../audit/repository.js";
import { auditActor } from "../audit/rules.js";
import { addSheet, type SheetSpec, sendWorkbook } from "../ledgers/excel.js";
import { countByState, listMessages, retryMessages } from "./repository.js";

const State = Type.Union([Type.Literal("pending"), Type.Literal("delivered"), Type.Literal("failed")]);
const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    topic: Type.Optional(Type.String({ maxLength: 60 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0 }),
  },
  { additionalProperties: false },
);

/** Columns a topic's export uses (the city's own format for 12345 results); keyed by topic. */
export interface OutboxExport {
  topic: string;
  columns: readonly string[];
  sheetName: string;
  fileName: string;
}

/**
 * 外发消息 The outbox, for the district command centre and administrators: what is waiting, what
 * failed and why, what was delivered; failed messages can be sent again; a topic's messages export as
 * the receiver's own Excel format.
 */
export const outboxRoutes: Routes<{ ctx: Parameters<Routes>[1]["ctx"]; exports: OutboxExport[] }> = async (
  app,
  { ctx, exports },
) => {
  const district = () => ctx.regions.root()?.code ?? "";

  app.get(
    "/api/outbox",
    {
      config: { access: "integrations.manage" },
      schema: {
        tags: ["integrations"],
        summary: "Outbox messages, newest first, with counts by state",
        querystring: ListQuery,
      },
    },
    async (request) => {
      requireWholeDistrict(actorOf(request), district());
      const [counts, rows] = await Promise.all([
        countByState(ctx.db, request.query.topic),
        listMessages(ctx.db, request.query),
      ]);
      return {
        counts,
        items: rows.map((row) => ({
          id: row.id,
          topic: row.topic,
          orderId: row.order_id,
          orderNo: row.order_no,
          idempotencyKey: row.idempotency_key,
          payload: row.payload,
          state: row.state,
          attempts: row.attempts,
          nextAttemptAt: row.state === "pending" ? row.next_attempt_at : null,
          lastError: row.last_error,
          createdAt: row.created_at,
          deliveredAt: row.delivered_at,
        })),
      };
    },
  );

  app.post(
    "/api/outbox/retry",
    {
      config: { access: "integrations.manage" },
      schema: {
        tags: ["integrations"],
        summary: "Send failed or waiting messages again now, with a fresh attempt budget",
        body: Type.Object(
          { ids: Type.Array(Type.String({ pattern: "^[0-9]{1,18}$" }), { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      requireWholeDistrict(actorOf(request), district());
      const { ids } = request.body;
      const retried = await recordChange(ctx.db, auditActor(request), ctx.now(), async (trx) => {
        const count = await retryMessages(trx, ids, ctx.now());
        const after = { ids, retried: count };
        const entry = { action: "integration.outbox_retry", targetType: "outbox", after } as const;
        return { result: count, entry };
      });
      return { retried };
    },
  );

  app.get(
    "/api/outbox/export.xlsx",
    {
      config: { access: "integrations.manage" },
      schema: {
        tags: ["integrations"],
        summary: "A topic's messages in the receiver's format (12345 results: the city's columns)",
        querystring: Type.Object(
          { topic: Type.String({ maxLength: 60 }), state: Type.Optional(State) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      requireWholeDistrict(actorOf(request), district());
      const spec = exports.find((e) => e.topic === request.query.topic) ?? exports[0];
      const rows = await listMessages(ctx.db, {
        ...request.query,
        topic: spec.topic,
        limit: 100_000,
        offset: 0,
      });
      const sheet: SheetSpec<(typeof rows)[number]> = {
        name: spec.sheetName,
        columns: [
          ...spec.columns.map((header) => ({
            header,
            value: (row: (typeof rows)[number]) => String(row.payload[header] ?? "") || null,
          })),
          { header: "发送状态", value: (row: (typeof rows)[number]) => row.state },
          {
            header: "送达时间",
            value: (row: (typeof rows)[number]) =>
              row.delivered_at ? formatChinaDateTime(row.delivered_at) : null,
          },
        ],
      };
      const entry = {
        action: "export.outbox",
        targetType: "outbox",
        targetId: spec.topic,
        after: { topic: spec.topic, state: request.query.state ?? null, rows: rows.length },
      } as const;
      await recordAudit(ctx.db, auditActor(request), entry, ctx.now());
      return sendWorkbook(reply, `${spec.fileName}.xlsx`, "minhu-outbox.xlsx", (workbook) =>
        addSheet(workbook, sheet, [...rows].reverse()),
      );
    },
  );
};
