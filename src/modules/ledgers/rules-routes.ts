import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { calendarDay } from "../../platform/schema.js";
import { jurisdiction, PERIOD_PATTERN, resolvePeriod } from "../assessment/scope.js";
import { auditActor } from "../audit/rules.js";
import { pageRules } from "./repository.js";
import { createRule, updateRule } from "./rules.js";
import { presentRule } from "./sheets.js";

const RuleId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const NewRuleBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200, description: "制度名称" }),
    content: Type.String({ minLength: 2, maxLength: 20_000, description: "主要内容" }),
    regionCode: Type.String({
      pattern: "^[0-9]{6,15}$",
      description: "the region that adopted it, inside your jurisdiction",
    }),
    categoryCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
    adoptedOn: calendarDay({ description: "出台日期 YYYY-MM-DD" }),
    orderIds: Type.Array(Type.String({ pattern: "^[0-9]{1,18}$" }), {
      maxItems: 1000,
      description: "the demands it answers",
    }),
  },
  { additionalProperties: false },
);

/**
 * 制度清单 entries: record a rule or mechanism made from common problems, linked to the demands it
 * answers; list and read the rules that apply to the caller's jurisdiction.
 */
export const ruleRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/rules",
    {
      config: { access: "rules.manage" },
      schema: {
        tags: ["ledgers"],
        summary: "Record a 制度清单 entry linked to the demands it answers",
        body: NewRuleBody,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createRule(ctx, actor, auditActor(request), request.body);
      const { rows } = await pageRules(
        ctx.db,
        { prefix: jurisdiction(actor), range: null, id },
        { limit: 1, offset: 0 },
      );
      return reply.status(201).send(presentRule(ctx.regions, rows[0]));
    },
  );

  app.put(
    "/api/rules/:id",
    {
      config: { access: "rules.manage" },
      schema: {
        tags: ["ledgers"],
        summary: "Rewrite a 制度清单 entry and the demands it answers",
        params: RuleId,
        body: NewRuleBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await updateRule(ctx, actor, auditActor(request), id, request.body);
      const { rows } = await pageRules(
        ctx.db,
        { prefix: jurisdiction(actor), range: null, id },
        { limit: 1, offset: 0 },
      );
      if (rows.length === 0) throw fail("NOT_FOUND", { what: `rule ${id}` });
      return presentRule(ctx.regions, rows[0]);
    },
  );

  app.get(
    "/api/rules",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["ledgers"],
        summary:
          "制度清单 entries that apply to your jurisdiction, newest first (all periods unless one is given)",
        querystring: Type.Object(
          {
            period: Type.Optional(Type.String({ pattern: PERIOD_PATTERN })),
            region: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const query = request.query;
      const prefix = jurisdiction(actorOf(request), query.region);
      const range = query.period === undefined ? null : resolvePeriod(query.period, ctx.now()).range;
      const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
      const { total, rows } = await pageRules(ctx.db, { prefix, range }, page);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((row) => presentRule(ctx.regions, row)),
      };
    },
  );

  app.get(
    "/api/rules/:id",
    {
      config: { access: "assessment.read" },
      schema: { tags: ["ledgers"], summary: "One 制度清单 entry with its linked demands", params: RuleId },
    },
    async (request) => {
      const { id } = request.params;
      const { rows } = await pageRules(
        ctx.db,
        { prefix: jurisdiction(actorOf(request)), range: null, id },
        { limit: 1, offset: 0 },
      );
      if (rows.length === 0) throw fail("NOT_FOUND", { what: `rule ${id}` });
      return presentRule(ctx.regions, rows[0]);
    },
  );
};
