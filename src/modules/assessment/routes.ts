import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { literals } from "../../platform/schema.js";
import { recordAudit, recordChange } from "../audit/repository.js";
import { auditActor, changedFields } from "../audit/rules.js";
import { sendWorkbook } from "../ledgers/excel.js";
import { leaderCounts } from "./leaders.js";
import { prepareReport } from "./report.js";
import { jurisdiction, LEVELS, PERIOD_PATTERN, requireLevelWithin, resolvePeriod } from "./scope.js";
import { assess } from "./service.js";
import { loadWeights, saveWeights } from "./settings.js";

const Period = Type.Optional(
  Type.String({
    pattern: PERIOD_PATTERN,
    description: "2026-11-26 · 2026-11 · 2026-Q4 · 2026 (China time); default: this month",
  }),
);
const Region = Type.Optional(
  Type.String({ pattern: "^[0-9]{6,15}$", description: "narrows to a region inside your jurisdiction" }),
);
const Weights = Type.Object(
  {
    response: Type.Number({ minimum: 0, maximum: 100, description: "响应率 weight" }),
    onTime: Type.Number({ minimum: 0, maximum: 100, description: "按期办结率 weight" }),
    resolution: Type.Number({ minimum: 0, maximum: 100, description: "解决率 weight" }),
    satisfaction: Type.Number({
      minimum: 0,
      maximum: 100,
      description: "满意率 weight; the four sum to 100",
    }),
    partialWeight: Type.Number({
      minimum: 0,
      maximum: 1,
      description: "部分解决 counts this much in 解决率",
    }),
    basicWeight: Type.Number({ minimum: 0, maximum: 1, description: "基本满意 counts this much in 满意率" }),
    supervisionPenalty: Type.Number({ minimum: 0, maximum: 100, description: "points off per 督办" }),
    supervisionCap: Type.Number({
      minimum: 0,
      maximum: 100,
      description: "at most this many points off for 督办",
    }),
    minSample: Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: "到期工单 and 回访 a row needs to be scored (else 数据不足)",
    }),
  },
  { additionalProperties: false },
);

/** 督查考核: the KPI table and ranking of a level, the score weights, the monthly Excel report. */
export const assessmentRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/assessment",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["assessment"],
        summary:
          "KPIs, composite score and rank (none with 数据不足) of every street, community, unit or the district in your jurisdiction for a period",
        querystring: Type.Object(
          { level: literals(LEVELS), period: Period, region: Region },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const query = request.query;
      const prefix = jurisdiction(actorOf(request), query.region);
      requireLevelWithin(query.level, prefix);
      const { period, range } = resolvePeriod(query.period, ctx.now());
      const weights = await loadWeights(ctx.db);
      const rows = await assess(ctx.db, { level: query.level, prefix, range }, weights);
      return { period, level: query.level, weights, rows };
    },
  );

  app.get(
    "/api/assessment/leaders",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["assessment"],
        summary:
          "三联一进 per linked leader in your jurisdiction for a period: 社区工作日, demands raised and closed, cases coordinated, problems solved",
        querystring: Type.Object({ period: Period, region: Region }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const prefix = jurisdiction(actorOf(request), request.query.region);
      const { period, range } = resolvePeriod(request.query.period, ctx.now());
      const rows = await leaderCounts(ctx.db, { prefix, range });
      return {
        period,
        rows: rows.map((r) => ({
          leaderId: r.user_id,
          name: r.display_name,
          communityCode: r.region_code,
          communityName: r.region_name,
          workDays: r.work_days,
          demandsRaised: r.demands_raised,
          demandsClosed: r.demands_closed,
          casesCoordinated: r.cases_coordinated,
          problemsSolved: r.problems_solved,
        })),
      };
    },
  );

  app.get(
    "/api/assessment/settings",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["assessment"],
        summary:
          "The composite score's weights (四率), the partial-answer weights, the 督办 deduction and the minimum sample",
      },
    },
    async () => loadWeights(ctx.db),
  );

  app.put(
    "/api/assessment/settings",
    {
      config: { access: "assessment.manage" },
      schema: { tags: ["assessment"], summary: "Change the weights (administrators only)", body: Weights },
    },
    async (request) =>
      recordChange(ctx.db, auditActor(request), ctx.now(), async (trx) => {
        const before = await loadWeights(trx);
        const saved = await saveWeights(trx, request.body, ctx.now());
        const entry = { action: "config.assessment_weights", ...changedFields(before, saved) } as const;
        return { result: saved, entry };
      }),
  );

  app.get(
    "/api/assessment/report.xlsx",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["assessment"],
        summary:
          "Monthly assessment report (Excel): KPI tables per street, community and unit, and the rankings",
        querystring: Type.Object({ period: Period, region: Region }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const prefix = jurisdiction(actorOf(request), query.region);
      const { period, range } = resolvePeriod(query.period, ctx.now());
      const place = prefix === "" ? "全区" : (ctx.regions.get(prefix)?.name ?? prefix);
      const weights = await loadWeights(ctx.db);
      const report = { prefix, place, period, range, weights, now: ctx.now() };
      const writeReport = await prepareReport(ctx.db, report);
      const entry = {
        action: "export.assessment",
        targetType: "assessment_report",
        targetId: prefix || null,
        after: { period, region: prefix },
      } as const;
      await recordAudit(ctx.db, auditActor(request), entry, ctx.now());
      return sendWorkbook(
        reply,
        `${place}督查考核报告（${period}）.xlsx`,
        `minhu-assessment-${prefix || "all"}-${period}.xlsx`,
        writeReport,
      );
    },
  );
};
