import { type Static, Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { literals } from "../../platform/schema.js";
import { jurisdiction, PERIOD_PATTERN, resolvePeriod } from "../assessment/scope.js";
import { recordAudit } from "../audit/repository.js";
import { auditActor } from "../audit/rules.js";
import { type Book, LEDGER_BOOKS, LIST_BOOKS, LISTS } from "./books.js";
import { sendWorkbook } from "./excel.js";
import { LEDGERS } from "./labels.js";
import { setLedger } from "./ledger-change.js";

const Period = Type.Optional(
  Type.String({
    pattern: PERIOD_PATTERN,
    description: "2026-11-26 · 2026-11 · 2026-Q4 · 2026 (China time); default: this month",
  }),
);
const Region = Type.Optional(
  Type.String({ pattern: "^[0-9]{6,15}$", description: "narrows to a region inside your jurisdiction" }),
);
const ExportQuery = Type.Object({ period: Period, region: Region }, { additionalProperties: false });
const ListQuery = Type.Object(
  {
    period: Period,
    region: Region,
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);

/** 四本台账 and 四张清单: paged lists and Excel exports of the caller's jurisdiction; filing an order in a ledger. */
export const ledgerRoutes: Routes = async (app, { ctx }) => {
  const LedgerParams = Type.Object({ ledger: literals(LEDGERS) });
  const ListParams = Type.Object({ list: literals(LISTS) });

  app.get(
    "/api/ledgers/:ledger",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["ledgers"],
        summary: "四本台账: orders registered in the period and filed in one ledger",
        params: LedgerParams,
        querystring: ListQuery,
      },
    },
    async (request) => listBook(LEDGER_BOOKS[request.params.ledger], actorOf(request), request.query),
  );
  app.get(
    "/api/ledgers/:ledger/export.xlsx",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["ledgers"],
        summary: "One ledger of the period as an Excel file",
        params: LedgerParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => exportBook(reply, LEDGER_BOOKS[request.params.ledger], request, request.query),
  );
  app.get(
    "/api/lists/:list",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["ledgers"],
        summary: "四张清单: 走访 visits · 问题 problems · 解决 solved · 制度 rules of the period",
        params: ListParams,
        querystring: ListQuery,
      },
    },
    async (request) => listBook(LIST_BOOKS[request.params.list], actorOf(request), request.query),
  );
  app.get(
    "/api/lists/:list/export.xlsx",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["ledgers"],
        summary: "One list of the period as an Excel file",
        params: ListParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => exportBook(reply, LIST_BOOKS[request.params.list], request, request.query),
  );

  app.put(
    "/api/orders/:id/ledger",
    {
      config: { access: "ledgers.manage" },
      schema: {
        tags: ["ledgers"],
        summary:
          "File an order in a ledger (dispatchers); recorded in its history, the state does not change",
        params: Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) }),
        body: Type.Object(
          { ledger: literals(LEDGERS), note: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      const { ledger, note } = request.body;
      const { order, changed } = await setLedger(ctx, actorOf(request), id, ledger, note);
      return { id: order.id, orderNo: order.order_no, ledger: order.ledger, version: order.version, changed };
    },
  );

  async function listBook(book: Book, actor: Actor, query: Static<typeof ListQuery>) {
    const prefix = jurisdiction(actor, query.region);
    const { period, range } = resolvePeriod(query.period, ctx.now());
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const { total, items } = await book.list(ctx.db, ctx.regions, { prefix, range }, page);
    return { title: book.title, period, total, page: query.page, pageSize: query.pageSize, items };
  }

  async function exportBook(
    reply: FastifyReply,
    book: Book,
    request: { actor: Actor | null; ip: string },
    query: { period?: string; region?: string },
  ) {
    const prefix = jurisdiction(actorOf(request), query.region);
    const { period, range } = resolvePeriod(query.period, ctx.now());
    const writeSheet = await book.exportSheet(ctx.db, ctx.regions, { prefix, range });
    const place = prefix === "" ? "全区" : (ctx.regions.get(prefix)?.name ?? prefix);
    const entry = {
      action: "export.ledger",
      targetType: "ledger",
      targetId: book.slug,
      after: { period, region: prefix },
    } as const;
    await recordAudit(ctx.db, auditActor(request), entry, ctx.now());
    return sendWorkbook(
      reply,
      `${place}${book.title}（${period}）.xlsx`,
      `minhu-${book.slug}-${prefix || "all"}-${period}.xlsx`,
      writeSheet,
    );
  }
};
