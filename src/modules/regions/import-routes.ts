import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { errorMessage, fail, languageOf } from "../../platform/errors.js";
import { auditActor } from "../audit/rules.js";
import { importGrids } from "./import.js";

/**
 * Features are checked one by one in code, not by the schema, so that every problem of every feature
 * is reported at once instead of the first one the schema meets.
 */
const FeatureCollection = Type.Object({
  type: Type.Literal("FeatureCollection"),
  features: Type.Array(
    Type.Object({
      type: Type.Literal("Feature"),
      properties: Type.Optional(Type.Unknown()),
      geometry: Type.Optional(Type.Unknown()),
    }),
    {
      minItems: 1,
      maxItems: 10_000,
    },
  ),
});

/** 网格导入 Admins replace the grids of communities from a GeoJSON file. */
export const gridImportRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/grids/import",
    {
      config: { access: "regions.manage" },
      schema: {
        tags: ["regions"],
        summary:
          "Import grids (GeoJSON FeatureCollection; properties code, name, partyBranch?) replacing those of the communities named. " +
          "Nothing is written if any feature fails; dryRun only checks.",
        querystring: Type.Object(
          {
            crs: Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02")], { default: "wgs84" }),
            dryRun: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        body: FeatureCollection,
      },
    },
    async (request, reply) => {
      const options = request.query;
      const { features } = request.body;
      const report = await importGrids(ctx, actorOf(request), auditActor(request), features, options);
      if (report.errors.length === 0 || options.dryRun) return report;
      // A refused import answers like any validation failure, with the per-feature report beside it.
      const refused = fail("VALIDATION_FAILED", {
        detail: `${report.errors.length} 处问题，未导入 / ${report.errors.length} problems, nothing imported`,
      });
      const message = errorMessage(refused, languageOf(request.headers["accept-language"]));
      return reply.status(refused.status).send({ code: refused.code, message, ...report });
    },
  );
};
