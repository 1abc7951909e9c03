import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { scopeOf } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { presentApplication } from "./presenter.js";
import { applicationFiles, applicationSteps, findFile, listApplications } from "./repository.js";
import { Answers, ApplicationId, Files, RegionCode, ServiceId, StateFilter, StepBody } from "./schemas.js";
import { actionsFor, applicationFor, apply, takeStep } from "./service.js";

/**
 * 办件 A resident's applications and their review: apply with answers and materials, follow each
 * step; community and street staff review, ask for more (补正), approve or refuse with a reason.
 */
export const applicationRoutes: Routes = async (app, { ctx }) => {
  const communityName = (code: string) => ctx.regions.get(code)?.name ?? null;

  app.post(
    "/api/services/:id/applications",
    {
      config: { access: "services.apply" },
      schema: {
        tags: ["services"],
        summary: "Apply for a service in a community offering it, with the answers and materials it asks",
        params: ServiceId,
        body: Type.Object(
          { community: RegionCode, answers: Answers, files: Files },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await apply(ctx, actorOf(request), {
        serviceId: request.params.id,
        community: request.body.community,
        answers: request.body.answers,
        files: request.body.files,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/service-applications",
    {
      config: { access: "services.applications" },
      schema: {
        tags: ["services"],
        summary: "A resident's own applications; staff: those of the communities in their jurisdiction",
        querystring: StateFilter,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { state } = request.query;
      const scope = scopeOf(actor);
      if (actor.role !== "resident" && scope === null) throw fail("OUTSIDE_SCOPE");
      const rows = await listApplications(
        ctx.db,
        actor.role === "resident" ? { applicantId: actor.id, state } : { prefix: scope ?? "", state },
      );
      const now = ctx.now();
      return {
        items: rows.map((row) => ({
          ...presentApplication(row, now, communityName(row.community_code)),
          actions: actionsFor(ctx, actor, row, actor.role === "resident" ? "applicant" : "reviewer"),
        })),
      };
    },
  );

  app.get(
    "/api/service-applications/:id",
    {
      config: { access: "services.applications" },
      schema: {
        tags: ["services"],
        summary: "An application with its answers, materials, steps, result and the steps open to the caller",
        params: ApplicationId,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { row, by } = await applicationFor(ctx.db, actor, request.params.id);
      const [steps, files] = await Promise.all([
        applicationSteps(ctx.db, row.id),
        applicationFiles(ctx.db, row.id),
      ]);
      return {
        ...presentApplication(row, ctx.now(), communityName(row.community_code)),
        answers: row.answers,
        definition: row.definition,
        result: row.result,
        actions: actionsFor(ctx, actor, row, by),
        steps: steps.map((s) => ({
          id: s.id,
          action: s.action,
          fromState: s.from_state,
          toState: s.to_state,
          level: s.level,
          actorRole: s.actor_role,
          // Staff names are shown to the applicant; the applicant's own is theirs.
          actorName: s.actor_name,
          note: s.note,
          at: s.at.toISOString(),
        })),
        files: files.map((f) => ({
          id: f.id,
          stepId: f.step_id,
          material: f.material,
          fileName: f.file_name,
          mime: f.mime,
          sizeBytes: f.size_bytes,
        })),
      };
    },
  );

  app.post(
    "/api/service-applications/:id/steps",
    {
      config: { access: "services.applications" },
      schema: {
        tags: ["services"],
        summary: "Take a step: approve, request_more (补正), refuse, supplement or withdraw",
        params: ApplicationId,
        body: StepBody,
      },
    },
    async (request) => {
      const { action, note, answers, files, result } = request.body;
      await takeStep(ctx, actorOf(request), request.params.id, action, { note, answers, files, result });
      return { id: request.params.id };
    },
  );

  app.get(
    "/api/service-applications/:id/files/:fileId",
    {
      config: { access: "services.applications" },
      schema: {
        tags: ["services"],
        summary: "A material or result file, to the applicant and the staff who see the application",
        params: Type.Object({ id: ApplicationId.properties.id, fileId: Type.String({ format: "uuid" }) }),
      },
    },
    async (request, reply) => {
      const { row } = await applicationFor(ctx.db, actorOf(request), request.params.id);
      const file = await findFile(ctx.db, row.id, request.params.fileId);
      if (!file) throw fail("NOT_FOUND", { what: "file" });
      return reply
        .header("content-type", file.mime)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", `inline; filename="${file.id}"`)
        .header("cache-control", "private, no-store")
        .send(file.content);
    },
  );
};
