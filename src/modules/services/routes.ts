import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { scopeOf } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { auditActor } from "../audit/rules.js";
import { changeService, createService } from "./catalogue.js";
import { definitionProblem } from "./definition.js";
import { presentService } from "./presenter.js";
import { findServiceByCode, listServices, serviceStats } from "./repository.js";
import { RegionCode, ServiceBody, ServiceId } from "./schemas.js";

/**
 * 智慧云社区 the service catalogue: what a community offers residents, configured by administrators
 * (fields, materials, review levels, time limit, result) without code; counts per service for the
 * assessment pages.
 */
export const serviceRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/services",
    {
      config: { access: "services.read" },
      schema: {
        tags: ["services"],
        summary: "The active services a community offers (all services with their communities for admins)",
        querystring: Type.Object({ community: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { community } = request.query;
      const admin = actor.role === "admin" && community === undefined;
      const rows = await listServices(ctx.db, admin ? {} : { community: community ?? "-", activeOnly: true });
      return { items: rows.map(presentService) };
    },
  );

  app.get(
    "/api/services/communities",
    {
      config: { access: "services.read" },
      schema: { tags: ["services"], summary: "Communities offering at least one active service" },
    },
    async () => {
      const rows = await listServices(ctx.db, { activeOnly: true });
      const codes = [...new Set(rows.flatMap((r) => r.regions))].sort();
      return {
        items: codes.map((code) => {
          const community = ctx.regions.get(code);
          const street = community?.parentCode ? ctx.regions.get(community.parentCode) : undefined;
          return { code, name: community?.name ?? code, streetName: street?.name ?? null };
        }),
      };
    },
  );

  /**
   * The definition must hold together and every region must be a community. A refusal names where
   * (instancePath, as a schema error does), so a form shows it at its field.
   */
  function checkBody(body: typeof ServiceBody.static) {
    const found = definitionProblem(body);
    if (found) throw fail("VALIDATION_FAILED", { detail: found.problem }, [{ instancePath: found.at }]);
    const stray = body.regions.findIndex((code) => ctx.regions.get(code)?.level !== "community");
    if (stray >= 0)
      throw fail("VALIDATION_FAILED", { detail: `${body.regions[stray]} is not a community` }, [
        { instancePath: `/regions/${stray}` },
      ]);
  }

  const taken = (code: string) =>
    fail("CONFLICT", { detail: `service ${code} exists` }, [{ instancePath: "/code" }]);

  app.post(
    "/api/services",
    {
      config: { access: "services.manage" },
      schema: { tags: ["services"], summary: "Configure a new service", body: ServiceBody },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      checkBody(request.body);
      if (await findServiceByCode(ctx.db, request.body.code)) throw taken(request.body.code);
      const id = await createService(
        ctx.db,
        request.body,
        { ...auditActor(request), id: actor.id },
        ctx.now(),
      );
      return reply.status(201).send({ id });
    },
  );

  app.put(
    "/api/services/:id",
    {
      config: { access: "services.manage" },
      schema: {
        tags: ["services"],
        summary: "Change a service's configuration",
        params: ServiceId,
        body: ServiceBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      checkBody(request.body);
      const [before] = await listServices(ctx.db, { id });
      if (!before) throw fail("NOT_FOUND", { what: `service ${id}` });
      const holder = await findServiceByCode(ctx.db, request.body.code);
      if (holder && holder.id !== id) throw taken(request.body.code);
      await changeService(ctx.db, before, request.body, { ...auditActor(request), id: actor.id }, ctx.now());
      return { id };
    },
  );

  app.get(
    "/api/services/stats",
    {
      config: { access: "assessment.read" },
      schema: {
        tags: ["services"],
        summary: "Applications, open, approved, refused, overdue and on time per service in the jurisdiction",
      },
    },
    async (request) => {
      const scope = scopeOf(actorOf(request));
      if (scope === null) throw fail("OUTSIDE_SCOPE");
      const rows = await serviceStats(ctx.db, scope, ctx.now());
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          nameEn: r.name_en,
          timeLimitDays: r.time_limit_days,
          total: r.total,
          open: r.open,
          approved: r.approved,
          refused: r.refused,
          overdue: r.overdue,
          closed: r.closed,
          closedOnTime: r.closed_on_time,
        })),
      };
    },
  );
};
