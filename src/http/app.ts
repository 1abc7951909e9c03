import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify from "fastify";
import type { TrustProxy } from "../config.js";
import { phoneSignInRoutes } from "../modules/accounts/phone-routes.js";
import { accountRoutes } from "../modules/accounts/routes.js";
import { userRoutes } from "../modules/accounts/users-routes.js";
import { dashboardRoutes } from "../modules/assessment/dashboard-routes.js";
import { assessmentRoutes } from "../modules/assessment/routes.js";
import { auditRoutes } from "../modules/audit/routes.js";
import { categoryRoutes } from "../modules/categories/routes.js";
import { cityPushRoutes } from "../modules/city-hotline/push-routes.js";
import { CITY_RESULT_EXPORT } from "../modules/city-hotline/results.js";
import { cityHotlineRoutes } from "../modules/city-hotline/routes.js";
import type { AppContext } from "../modules/context.js";
import { demandRoutes } from "../modules/demands/routes.js";
import { diaryRoutes } from "../modules/fieldwork/diary-routes.js";
import { fieldworkRoutes } from "../modules/fieldwork/routes.js";
import { jointRoutes } from "../modules/joint-building/routes.js";
import { ledgerRoutes } from "../modules/ledgers/routes.js";
import { ruleRoutes } from "../modules/ledgers/rules-routes.js";
import { notificationRoutes } from "../modules/notifications/routes.js";
import { open311KeyRoutes } from "../modules/open311/keys-routes.js";
import { open311Routes } from "../modules/open311/routes.js";
import { lookupRoutes } from "../modules/orders/lookup-routes.js";
import { orderRoutes } from "../modules/orders/routes.js";
import { outboxRoutes } from "../modules/outbox/routes.js";
import { partyRoutes } from "../modules/party/routes.js";
import { placeRoutes } from "../modules/places/routes.js";
import { publicRoutes } from "../modules/publishing/public-routes.js";
import { publishingRoutes } from "../modules/publishing/routes.js";
import { gridImportRoutes } from "../modules/regions/import-routes.js";
import { regionRoutes } from "../modules/regions/routes.js";
import { routingModelRoutes } from "../modules/routing/learning-routes.js";
import { routingRoutes } from "../modules/routing/routes.js";
import { applicationRoutes } from "../modules/services/application-routes.js";
import { serviceRoutes } from "../modules/services/routes.js";
import { supervisionRoutes } from "../modules/supervision/routes.js";
import { timeLimitRoutes } from "../modules/time-limits/routes.js";
import { unitRoutes } from "../modules/units/routes.js";
import { visitRoutes } from "../modules/visits/routes.js";
import { warningRoutes } from "../modules/warning/routes.js";
import { workRoutes } from "../modules/work/routes.js";
import { listenForConfigChanges } from "../platform/config-sync/listener.js";
import { fail } from "../platform/errors.js";
import { EventHub } from "../platform/events/hub.js";
import { installAccessControl } from "./access.js";
import { installEdgeChecks } from "./edge.js";
import { installErrorHandler } from "./errors.js";
import { eventRoutes } from "./events.js";
import { installSecurityHeaders } from "./headers.js";
import { lazySchemaCompilers } from "./lazy-schemas.js";
import type { App } from "./plugin.js";

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** Builds the HTTP application: plugins, access control, every module's routes, the web app. */
export async function buildApp(
  ctx: AppContext,
  options: {
    logger?: boolean;
    trustProxy?: TrustProxy;
    /** What /api/health reports beside its status (the demo year's background fill). */
    health?: () => Record<string, unknown>;
  } = {},
): Promise<App> {
  const schemas = lazySchemaCompilers();
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    bodyLimit: 12 * 1024 * 1024,
    // Behind a trusted proxy, request.ip and request.protocol (Secure cookies) come from X-Forwarded-*.
    trustProxy: options.trustProxy ?? false,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false },
    },
    schemaController: schemas.controller,
  }).withTypeProvider<TypeBoxTypeProvider>();
  schemas.remember(app);

  await installSecurityHeaders(app, { tileUrl: ctx.tileUrl });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: "Minhu 民呼我行 API", version: "0.1.0", description: "Grassroots-governance platform" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "minhu_session" } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
  installErrorHandler(app);
  installEdgeChecks(app);
  installAccessControl(app, ctx);

  // Live order changes: one LISTEN per instance, fanned out to each signed-in stream in scope.
  const hub = new EventHub();
  await hub.start(ctx.database);
  app.addHook("onClose", () => hub.stop());
  // Admin changes made on another instance (time limits, holidays, grids) reload here too.
  const stopConfigSync = await listenForConfigChanges(ctx);
  app.addHook("onClose", () => stopConfigSync());

  app.get("/api/health", { config: { access: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
    ...options.health?.(),
  }));
  await app.register(async (api) => {
    await api.register(accountRoutes, { ctx });
    await api.register(eventRoutes, { ctx, hub });
    await api.register(userRoutes, { ctx });
    await api.register(auditRoutes, { ctx });
    await api.register(regionRoutes, { ctx });
    await api.register(placeRoutes, { ctx });
    await api.register(unitRoutes, { ctx });
    await api.register(categoryRoutes, { ctx });
    await api.register(timeLimitRoutes, { ctx });
    await api.register(routingRoutes, { ctx });
    await api.register(routingModelRoutes, { ctx });
    await api.register(gridImportRoutes, { ctx });
    await api.register(supervisionRoutes, { ctx });
    await api.register(demandRoutes, { ctx });
    await api.register(orderRoutes, { ctx });
    await api.register(lookupRoutes, { ctx });
    await api.register(visitRoutes, { ctx });
    await api.register(assessmentRoutes, { ctx });
    await api.register(dashboardRoutes, { ctx });
    await api.register(ledgerRoutes, { ctx });
    await api.register(ruleRoutes, { ctx });
    await api.register(warningRoutes, { ctx });
    await api.register(workRoutes, { ctx });
    await api.register(fieldworkRoutes, { ctx });
    await api.register(diaryRoutes, { ctx });
    await api.register(outboxRoutes, { ctx, exports: [CITY_RESULT_EXPORT] });
    await api.register(cityHotlineRoutes, { ctx });
    await api.register(cityPushRoutes, { ctx });
    await api.register(partyRoutes, { ctx });
    await api.register(jointRoutes, { ctx });
    await api.register(open311KeyRoutes, { ctx });
    await api.register(open311Routes, { ctx });
    await api.register(serviceRoutes, { ctx });
    await api.register(applicationRoutes, { ctx });
    await api.register(publishingRoutes, { ctx });
    await api.register(publicRoutes, { ctx });
    await api.register(notificationRoutes, { ctx });
    await api.register(phoneSignInRoutes, { ctx });
  });
  await serveWebApp(app);
  return app;
}

/** The built React app at /, with client-side routes falling back to index.html. */
async function serveWebApp(app: App): Promise<void> {
  const hasBuild = existsSync(`${WEB_DIST}index.html`);
  if (hasBuild) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/api") || request.url.startsWith("/open311");
    if (isApi || !hasBuild || request.method !== "GET")
      throw fail("NOT_FOUND", { what: request.url.split("?")[0] });
    return reply.sendFile("index.html");
  });
}
