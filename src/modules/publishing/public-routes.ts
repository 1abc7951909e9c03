import { Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { listCategories } from "../categories/repository.js";
import { listGridShapes } from "../regions/repository.js";
import { publicRates, publicTopics } from "./reports.js";
import { demandsByGrid, findPhoto } from "./repository.js";
import type { KeyProject } from "./rules.js";
import { PublicRatesQuery, PublicRatesResponse, PublicTopicsResponse } from "./schemas.js";
import { presentForPublic, publicationsWithVersions } from "./service.js";

const DAY_MS = 86_400_000;

/**
 * What the district publishes, with no sign-in: the key projects as published (with their history),
 * their photos, the map of demands by grid — categories and states counted, never a caller, a text or
 * a point —, the topics of the month (每月一题) with what came of them, and the monthly 三率 by street.
 */
export const publicRoutes: Routes = async (app, { ctx }) => {
  const visibleProjects = async () => {
    const now = ctx.now();
    return (await publicationsWithVersions(ctx.db)).flatMap((e) => {
      const shown = presentForPublic(e, now);
      return shown ? [shown] : [];
    });
  };

  app.get(
    "/api/public/projects",
    {
      config: { access: "public" },
      schema: { tags: ["public"], summary: "The published key projects (重点项目)" },
    },
    async () => ({ items: await visibleProjects() }),
  );

  app.get(
    "/api/public/projects/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "A published key project with its published history",
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
      },
    },
    async (request) => {
      const project = (await visibleProjects()).find((p) => p.id === request.params.id);
      if (!project) throw fail("NOT_FOUND", { what: `project ${request.params.id}` });
      return project;
    },
  );

  app.get(
    "/api/public/photos/:photoId",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "A photo of a published project",
        params: Type.Object({ photoId: Type.String({ format: "uuid" }) }),
      },
    },
    async (request, reply) => {
      const { photoId } = request.params;
      // Only a photo the public version of a visible project shows; a draft's photos stay private.
      const shown = (await visibleProjects()).some((p: KeyProject) => p.photoIds.includes(photoId));
      const photo = shown ? await findPhoto(ctx.db, photoId) : undefined;
      if (!photo) throw fail("NOT_FOUND", { what: "photo" });
      return reply
        .header("content-type", photo.mime)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "public, max-age=300")
        .send(photo.content);
    },
  );

  app.get(
    "/api/public/demand-map",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary:
          "Demands of the last days per grid: open and closed by top-level category, with the grid outlines",
        querystring: Type.Object(
          { days: Type.Integer({ minimum: 1, maximum: 366, default: 90 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const since = new Date(ctx.now().getTime() - request.query.days * DAY_MS);
      const district = ctx.regions.root()?.code ?? "";
      const [counts, shapes, categories] = await Promise.all([
        demandsByGrid(ctx.db, since),
        listGridShapes(ctx.db, district),
        listCategories(ctx.db),
      ]);
      const topLevel = categories.filter((c) => c.level === 1);
      return {
        days: request.query.days,
        categories: topLevel.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn })),
        counts: counts.map((c) => ({
          grid: c.grid_code,
          category: c.category,
          open: c.open,
          closed: c.closed,
        })),
        grids: {
          type: "FeatureCollection",
          features: shapes.map((row) => ({
            type: "Feature",
            geometry: row.geometry,
            properties: {
              code: row.code,
              name: row.name,
              partyBranch: null,
              communityCode: row.community_code,
              communityName: row.community_name,
              streetCode: row.street_code,
              streetName: row.street_name,
            },
          })),
        },
      };
    },
  );

  app.get(
    "/api/public/topics",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "每月一题: the district's topics by month, why each was chosen and what came of it (counts)",
        response: { 200: PublicTopicsResponse },
      },
    },
    async () => ({ items: await publicTopics(ctx) }),
  );

  app.get(
    "/api/public/rates",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "三率 (响应率, 解决率, 满意率) of each street and of the district for an ended month",
        querystring: PublicRatesQuery,
        response: { 200: PublicRatesResponse },
      },
    },
    async (request) => publicRates(ctx, request.query.month),
  );
};
