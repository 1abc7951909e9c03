import { Type } from "@sinclair/typebox";
import type { HandlingLevel } from "../../db/schema.js";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { seesRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { literals } from "../../platform/schema.js";
import { auditActor } from "../audit/rules.js";
import { findCategoryRow } from "../categories/repository.js";
import type { AppContext } from "../context.js";
import { holderAt } from "./catalogue.js";
import { createCatalogueEntry, deleteCatalogueEntry, updateCatalogueEntry } from "./catalogue-admin.js";
import { presentCatalogue, unitNamer } from "./presenter.js";
import { listCatalogue } from "./repository.js";

const CategoryCode = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$" });
const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
const Level = literals(["grid", "community", "street", "district"]);
const UnitId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const AssistingUnitIds = Type.Array(UnitId, { maxItems: 10, uniqueItems: true, description: "协办单位" });
const RowId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** 派单目录 The dispatch catalogue: admins maintain it, dispatchers see the route it suggests. */
export const routingRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/catalogue",
    {
      config: { access: "catalogue.read" },
      schema: {
        tags: ["routing"],
        summary:
          "Catalogue rows of a category branch (all rows without it), with category, region and unit names",
        querystring: Type.Object({ category: Type.Optional(CategoryCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { category } = request.query;
      return { items: await presentCatalogue(ctx.db, await listCatalogue(ctx.db, category)) };
    },
  );

  app.post(
    "/api/catalogue",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["routing"],
        summary:
          "Add a row: category (+ region, null = district-wide) → lowest handling level, main and assisting units",
        body: Type.Object(
          {
            categoryCode: CategoryCode,
            regionCode: Type.Union([Type.Null(), RegionCode]),
            handlingLevel: Level,
            unitId: Type.Union([Type.Null(), UnitId]),
            assistingUnitIds: AssistingUnitIds,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const row = await createCatalogueEntry(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send((await presentCatalogue(ctx.db, [row]))[0]);
    },
  );

  app.patch(
    "/api/catalogue/:id",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["routing"],
        summary: "Change a row's handling level or units",
        params: RowId,
        body: Type.Object(
          {
            handlingLevel: Type.Optional(Level),
            unitId: Type.Optional(Type.Union([Type.Null(), UnitId])),
            assistingUnitIds: Type.Optional(AssistingUnitIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      const row = await updateCatalogueEntry(ctx, actorOf(request), auditActor(request), id, request.body);
      return (await presentCatalogue(ctx.db, [row]))[0];
    },
  );

  app.delete(
    "/api/catalogue/:id",
    {
      config: { access: "catalogue.manage" },
      schema: { tags: ["routing"], summary: "Remove a row", params: RowId },
    },
    async (request, reply) => {
      await deleteCatalogueEntry(ctx, actorOf(request), auditActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/routing/suggest",
    {
      config: { access: "catalogue.read" },
      schema: {
        tags: ["routing"],
        summary:
          "The route the catalogue gives a category in a region: level, holder, main and assisting units",
        querystring: Type.Object(
          { category: Type.Optional(CategoryCode), region: RegionCode },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { category, region } = request.query;
      if (!ctx.regions.get(region)) throw fail("VALIDATION_FAILED", { detail: `unknown region ${region}` });
      if (!seesRegion(actorOf(request), region)) throw fail("OUTSIDE_SCOPE");
      if (category && !(await findCategoryRow(ctx.db, category)))
        throw fail("VALIDATION_FAILED", { detail: `unknown category ${category}` });
      const route = ctx.catalogue.route(category ?? null, region);
      const name = await unitNamer(ctx.db, [route]);
      return {
        handlingLevel: route.handlingLevel,
        holder: holderOf(ctx, route.handlingLevel, region),
        unit: name.unit(route.unitId),
        assistingUnits: name.units(route.assistingUnitIds),
        catalogueId: route.catalogueId,
      };
    },
  );
};

/** 小事不出格: the region that would hold an order of this route located in `region`, and its level. */
function holderOf(ctx: AppContext, level: HandlingLevel, region: string) {
  const byLevel = new Map(ctx.regions.lineage(region).map((entry) => [entry.level, entry.code]));
  const holder = holderAt(level, {
    districtCode: byLevel.get("district") ?? region.slice(0, 6),
    streetCode: byLevel.get("street") ?? null,
    communityCode: byLevel.get("community") ?? null,
    gridCode: byLevel.get("grid") ?? null,
  });
  return {
    level: holder.level,
    code: holder.regionCode,
    name: ctx.regions.get(holder.regionCode)?.name ?? null,
  };
}
