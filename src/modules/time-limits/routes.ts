import { Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { officialCalendarYears } from "../../platform/calendar/official-calendar.js";
import { commitConfigChange } from "../../platform/config-sync/reload.js";
import { fail } from "../../platform/errors.js";
import { recordAudit } from "../audit/repository.js";
import { auditActor } from "../audit/rules.js";
import { mergeCalendarDays, officialEntriesOf } from "./holidays.js";
import {
  categoryCodes,
  deleteAdminDay,
  listAdminDays,
  listRules,
  replaceRules,
  upsertAdminDay,
} from "./repository.js";
import { ruleTableProblems } from "./rule-table.js";
import { DEMAND_TYPES } from "./rules.js";

const Rule = Type.Object(
  {
    categoryPrefix: Type.Union([Type.Null(), Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" })], {
      description: "null: any category",
    }),
    type: Type.Union([Type.Null(), ...DEMAND_TYPES.map((t) => Type.Literal(t))], {
      description: "null: any demand type",
    }),
    urgent: Type.Boolean(),
    responseMinutes: Type.Number({ description: "签收时限: working minutes, calendar minutes when urgent" }),
    handling: Type.Object(
      {
        unit: Type.Union([Type.Literal("working_days"), Type.Literal("calendar_hours")]),
        amount: Type.Number({ description: "办理时限" }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** A day of the calendar the time limits count: one that exists, in this century (GET takes years 2000–2100). */
const Day = Type.String({ format: "date", pattern: "^20[0-9]{2}-[0-9]{2}-[0-9]{2}$" });

/** 办理时限 and 节假日: staff read the rules and the calendar, admins replace rules and maintain days. */
export const timeLimitRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/time-limits",
    {
      config: { access: "time-limits.read" },
      schema: { tags: ["time limits"], summary: "The time-limit rules, in the order ties are broken" },
    },
    async (_request) => {
      return { items: await listRules(ctx.db) };
    },
  );

  app.put(
    "/api/time-limits",
    {
      config: { access: "time-limits.manage" },
      schema: {
        tags: ["time limits"],
        summary: "Replace the whole rule table; every demand type needs a non-urgent and an urgent catch-all",
        body: Type.Object(
          { rules: Type.Array(Rule, { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { rules } = request.body;
      const known = await categoryCodes(ctx.db);
      const problems = ruleTableProblems(rules, (code) => known.has(code));
      if (problems.length > 0) {
        const first = problems[0];
        const detail = `${first.index === null ? "rules" : `rules[${first.index}]`}: ${first.problem}`;
        throw fail("VALIDATION_FAILED", { detail }, problems);
      }
      const before = ctx.timeLimits.rules;
      await commitConfigChange(ctx, ["time-limits"], async (trx) => {
        await replaceRules(trx, rules);
        const entry = {
          action: "config.time_limits",
          targetType: "time_limits",
          before,
          after: rules,
        } as const;
        await recordAudit(trx, auditActor(request), entry, ctx.now());
      });
      return { items: ctx.timeLimits.rules };
    },
  );

  app.get(
    "/api/holidays",
    {
      config: { access: "time-limits.read" },
      schema: {
        tags: ["time limits"],
        summary:
          "A year's days off and make-up working days: the official arrangement merged with admin rows",
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const year = request.query.year ?? Number(chinaDate(ctx.now()).slice(0, 4));
      const items = mergeCalendarDays(officialEntriesOf(year), await listAdminDays(ctx.db, year));
      return { year, officialYears: officialCalendarYears(), items };
    },
  );

  app.post(
    "/api/holidays",
    {
      config: { access: "time-limits.manage" },
      schema: {
        tags: ["time limits"],
        summary: "Add or replace the admin row of a day: a day off (holiday) or a working day (workday)",
        body: Type.Object(
          {
            day: Day,
            kind: Type.Union([Type.Literal("holiday"), Type.Literal("workday")]),
            name: Type.String({ minLength: 1, maxLength: 30 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const entry = request.body;
      await commitConfigChange(ctx, ["time-limits"], async (trx) => {
        await upsertAdminDay(trx, entry);
        const audit = {
          action: "config.holiday",
          targetType: "holiday",
          targetId: entry.day,
          after: entry,
        } as const;
        await recordAudit(trx, auditActor(request), audit, ctx.now());
      });
      return { ...entry, source: "admin" };
    },
  );

  app.delete(
    "/api/holidays/:day",
    {
      config: { access: "time-limits.manage" },
      schema: {
        tags: ["time limits"],
        summary: "Remove the admin row of a day (the official arrangement applies again)",
        params: Type.Object({ day: Day }),
      },
    },
    async (request, reply) => {
      const { day } = request.params;
      await commitConfigChange(ctx, ["time-limits"], async (trx) => {
        // Throwing inside rolls back, so nothing is announced or reloaded for a day that had no row.
        if (!(await deleteAdminDay(trx, day))) throw fail("NOT_FOUND", { what: `holiday ${day}` });
        const audit = {
          action: "config.holiday",
          targetType: "holiday",
          targetId: day,
          after: null,
        } as const;
        await recordAudit(trx, auditActor(request), audit, ctx.now());
      });
      return reply.status(204).send();
    },
  );
};
