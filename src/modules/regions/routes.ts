import { type TSchema, Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { coversRegion, scopeOf, seesRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { maskPhone } from "../../platform/privacy/phone.js";
import { literals } from "../../platform/schema.js";
import { findRegion, listGridShapes, listGridWorkers, listRegions } from "./repository.js";

const RegionCode = Type.String({
  pattern: "^[0-9]{6,15}$",
  description: "GB/T 2260 region code or grid code",
});
const Level = literals(["district", "street", "community", "grid"]);
const NamedCode = Type.Object({ code: Type.String(), name: Type.String() });
const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// A response schema spells its unions out: literals() has no static type to check the handler against.
const LevelOut = Type.Union([
  Type.Literal("district"),
  Type.Literal("street"),
  Type.Literal("community"),
  Type.Literal("grid"),
]);
const Region = {
  code: Type.String(),
  name: Type.String(),
  level: LevelOut,
  parentCode: OrNull(Type.String()),
};
const RegionSummary = Type.Object({ ...Region, childCount: Type.Integer() });
const RegionDetail = Type.Object({
  ...Region,
  partyBranch: OrNull(Type.String()),
  childCount: Type.Integer(),
  ancestors: Type.Array(Type.Object(Region)),
  workers: Type.Array(
    Type.Object({ id: Type.Integer(), displayName: Type.String(), phone: OrNull(Type.String()) }),
  ),
});
const AppConfig = Type.Object({
  tileUrl: OrNull(Type.String()),
  tileAttribution: OrNull(Type.String()),
  /** The tiles' datum: GCJ-02 tiles are shifted under the WGS-84 grids. */
  tileCrs: Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02")]),
  districtName: OrNull(Type.String()),
});

/** Regions, grids as GeoJSON, and locating a point (网格化管理). */
export const regionRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/regions",
    {
      config: { access: "regions.read" },
      schema: {
        tags: ["regions"],
        summary: "Regions by parent or level, inside the caller's jurisdiction",
        querystring: Type.Object(
          { parent: Type.Optional(RegionCode), level: Type.Optional(Level) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RegionSummary) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { parent, level } = request.query;
      if (parent && !seesRegion(actor, parent)) throw fail("OUTSIDE_SCOPE");
      const rows = await listRegions(ctx.db, { parent, level });
      return { items: rows.filter((row) => seesRegion(actor, row.code)) };
    },
  );

  app.get(
    "/api/regions/:code",
    {
      config: { access: "regions.read" },
      schema: {
        tags: ["regions"],
        summary: "One region with its ancestors and grid workers",
        params: Type.Object({ code: RegionCode }),
        response: { 200: RegionDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { code } = request.params;
      if (!seesRegion(actor, code)) throw fail("OUTSIDE_SCOPE");
      const region = await findRegion(ctx.db, code);
      if (!region) throw fail("NOT_FOUND", { what: code });
      const workers =
        region.level === "grid" && coversRegion(actor, code) ? await listGridWorkers(ctx.db, code) : [];
      return {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parent_code,
        partyBranch: region.party_branch,
        childCount: region.child_count,
        ancestors: ctx.regions.lineage(code).slice(0, -1),
        workers: workers.map((w) => ({
          id: w.id,
          displayName: w.display_name,
          phone: w.phone_cipher ? maskPhone(ctx.vault.decrypt(w.phone_cipher)) : null,
        })),
      };
    },
  );

  app.get(
    "/api/grids",
    {
      config: { access: "regions.read" },
      schema: {
        tags: ["regions"],
        summary: "Grid polygons (GeoJSON, WGS-84) inside a region of the caller's jurisdiction",
        querystring: Type.Object({ within: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor);
      if (scope === null) throw fail("OUTSIDE_SCOPE");
      const within = request.query.within ?? scope;
      // Asking for a parent of one's jurisdiction narrows to the jurisdiction itself.
      const effective = within.startsWith(scope) ? within : scope.startsWith(within) ? scope : null;
      if (effective === null) throw fail("OUTSIDE_SCOPE");
      const rows = await listGridShapes(ctx.db, effective);
      return {
        type: "FeatureCollection",
        features: rows.map((row) => ({
          type: "Feature",
          geometry: row.geometry,
          properties: {
            code: row.code,
            name: row.name,
            partyBranch: row.party_branch,
            communityCode: row.community_code,
            communityName: row.community_name,
            streetCode: row.street_code,
            streetName: row.street_name,
          },
        })),
      };
    },
  );

  app.get(
    "/api/locate",
    {
      config: { access: "public" },
      schema: {
        tags: ["regions"],
        summary: "The district, street, community and grid containing a point",
        querystring: Type.Object(
          {
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            crs: Type.Optional(
              Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02"), Type.Literal("bd09")]),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ district: NamedCode, street: NamedCode, community: NamedCode, grid: NamedCode }),
        },
      },
    },
    async (request) => {
      const { lat, lng, crs } = request.query;
      const location = ctx.regions.locate(lng, lat, crs ?? "wgs84");
      if (!location) throw fail("OUTSIDE_JURISDICTION");
      return location;
    },
  );

  app.get(
    "/api/config",
    {
      config: { access: "public" },
      schema: { tags: ["regions"], summary: "Public map settings", response: { 200: AppConfig } },
    },
    async () => ({
      tileUrl: ctx.tileUrl,
      tileAttribution: ctx.tileAttribution,
      tileCrs: ctx.tileCrs ?? "wgs84",
      districtName: ctx.regions.root()?.name ?? null,
    }),
  );
};
