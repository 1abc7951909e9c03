import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { categories, channels, heat, summary, trend } from "./dashboard.js";
import { jurisdiction, PERIOD_PATTERN, resolvePeriod } from "./scope.js";

const Region = Type.Optional(
  Type.String({ pattern: "^[0-9]{6,15}$", description: "narrows to a region inside your jurisdiction" }),
);
const PeriodQuery = Type.Object(
  {
    period: Type.Optional(
      Type.String({ pattern: PERIOD_PATTERN, description: "default: this month (China time)" }),
    ),
    region: Region,
  },
  { additionalProperties: false },
);

/** Data for the command centre's ECharts pages, all of the caller's jurisdiction (`?region=` narrows it). */
export const dashboardRoutes: Routes = async (app, { ctx }) => {
  /** Jurisdiction prefix and period of a dashboard request. */
  function scopeAndPeriod({
    actor,
    query,
  }: {
    actor: Actor | null;
    query: { period?: string; region?: string };
  }) {
    return {
      prefix: jurisdiction(actorOf({ actor }), query.region),
      ...resolvePeriod(query.period, ctx.now()),
    };
  }
  const config = { access: "assessment.read" } as const;

  app.get(
    "/api/dashboard/trend",
    {
      config,
      schema: {
        tags: ["dashboard"],
        summary:
          "Orders created, closed and late (超期, by deadline) per month, the last N months up to this one",
        querystring: Type.Object(
          { months: Type.Integer({ minimum: 1, maximum: 36, default: 12 }), region: Region },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { months, region } = request.query;
      return { months: await trend(ctx.db, jurisdiction(actorOf(request), region), months, ctx.now()) };
    },
  );

  app.get(
    "/api/dashboard/categories",
    {
      config,
      schema: {
        tags: ["dashboard"],
        summary: "Orders registered in the period per top-level category",
        querystring: PeriodQuery,
      },
    },
    async (request) => {
      const { prefix, period, range } = scopeAndPeriod(request);
      return { period, items: await categories(ctx.db, prefix, range) };
    },
  );

  app.get(
    "/api/dashboard/channels",
    {
      config,
      schema: {
        tags: ["dashboard"],
        summary: "Orders registered in the period per intake channel",
        querystring: PeriodQuery,
      },
    },
    async (request) => {
      const { prefix, period, range } = scopeAndPeriod(request);
      return { period, items: await channels(ctx.db, prefix, range) };
    },
  );

  app.get(
    "/api/dashboard/heat",
    {
      config,
      schema: {
        tags: ["dashboard"],
        summary: "Per grid: orders registered in the period, and open / overdue now (for colouring the map)",
        querystring: PeriodQuery,
      },
    },
    async (request) => {
      const { prefix, period, range } = scopeAndPeriod(request);
      return { period, items: await heat(ctx.db, ctx.regions, prefix, range, ctx.now()) };
    },
  );

  app.get(
    "/api/dashboard/summary",
    {
      config,
      schema: {
        tags: ["dashboard"],
        summary: "KPI tiles: registered today, open, overdue, closed in the period, and the three rates",
        querystring: PeriodQuery,
      },
    },
    async (request) => {
      const { prefix, period, range } = scopeAndPeriod(request);
      return { period, ...(await summary(ctx.db, prefix, range, ctx.now())) };
    },
  );
};
