import { Type } from "@sinclair/typebox";
import type { UnitKind } from "../../db/schema.js";
import { actorOf } from "../../server/access.js";
import type { App } from "../../server/app.js";
import type { AppContext } from "../../server/context.js";
import { scopeOf } from "../../platform/auth/permissions.js";
import { listUnits } from "./repository.js";

const Kind = Type.Union(
  ["command_centre", "department", "street_office", "community_committee", "enterprise"].map((k) => Type.Literal(k)),
);

/** 承办单位: departments, street offices and community committees. */
export async function unitRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/api/units",
    {
      config: { access: "units.read" },
      schema: {
        tags: ["units"],
        summary: "Units one may dispatch to or see: district-wide departments and units inside one's jurisdiction",
        querystring: Type.Object({ kind: Type.Optional(Kind) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const scope = scopeOf(actor) ?? "";
      const units = await listUnits(ctx.db, { kind: (request.query as { kind?: UnitKind }).kind });
      // District departments serve every street, so everyone may see them; local units only inside the scope.
      const district = ctx.regions.root()?.code ?? "";
      return { items: units.filter((u) => u.regionCode === district || u.regionCode.startsWith(scope)) };
    },
  );
}
