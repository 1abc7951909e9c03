import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { hasPermission, scopeOf } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { literals } from "../../platform/schema.js";
import { auditActor } from "../audit/rules.js";
import { createUnit, updateUnit } from "./commands.js";
import { listUnits } from "./repository.js";

const Kind = literals(["command_centre", "department", "street_office", "community_committee", "enterprise"]);
const Name = Type.String({ minLength: 1, maxLength: 100 });
const NameEn = Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 200 })]);
const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
const ParentId = Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 2_147_483_647 })]);

/** 承办单位: departments, street offices and community committees. */
export const unitRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/units",
    {
      config: { access: "units.read" },
      schema: {
        tags: ["units"],
        summary:
          "Units one may dispatch to or see: district-wide departments and units inside one's jurisdiction",
        querystring: Type.Object(
          {
            kind: Type.Optional(Kind),
            includeInactive: Type.Optional(Type.Boolean({ description: "admins only" })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { kind, includeInactive } = request.query;
      if (includeInactive && !hasPermission(actor.role, "units.manage")) throw fail("FORBIDDEN");
      const scope = scopeOf(actor) ?? "";
      const units = await listUnits(ctx.db, { kind, includeInactive });
      // District departments serve every street, so everyone may see them; local units only inside the scope.
      const district = ctx.regions.root()?.code ?? "";
      return { items: units.filter((u) => u.regionCode === district || u.regionCode.startsWith(scope)) };
    },
  );

  app.post(
    "/api/units",
    {
      config: { access: "units.manage" },
      schema: {
        tags: ["units"],
        summary:
          "Create a unit in a region of a level its kind serves (department: district, street office: street …)",
        body: Type.Object(
          {
            code: Type.String({ pattern: "^[a-z0-9_-]{2,40}$" }),
            name: Name,
            nameEn: Type.Optional(NameEn),
            kind: Kind,
            regionCode: RegionCode,
            parentId: Type.Optional(ParentId),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const unit = await createUnit(ctx, actorOf(request), auditActor(request), {
        ...body,
        nameEn: body.nameEn ?? null,
        parentId: body.parentId ?? null,
      });
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    "/api/units/:id",
    {
      config: { access: "units.manage" },
      schema: {
        tags: ["units"],
        summary:
          "Rename, move, re-parent, or (de)activate a unit; refused while the dispatch catalogue still needs it there",
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        body: Type.Object(
          {
            name: Type.Optional(Name),
            nameEn: Type.Optional(NameEn),
            kind: Type.Optional(Kind),
            regionCode: Type.Optional(RegionCode),
            parentId: Type.Optional(ParentId),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      return updateUnit(ctx, actorOf(request), auditActor(request), id, request.body);
    },
  );
};
