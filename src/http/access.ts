import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../modules/context.js";
import { type Actor, hasPermission, type Permission } from "../platform/auth/permissions.js";
import { actorForSession, SESSION_COOKIE } from "../platform/auth/session.js";
import { fail } from "../platform/errors.js";
import { ANONYMOUS_BODY_LIMIT, isOpen311 } from "./edge.js";

/** Who may call a route: anyone, any signed-in user, or the holders of a permission. */
export type Access = "public" | "authenticated" | Permission;

/** One line of the route table: a route and the access it declares. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, as registered (the authorization matrix reads it). */
    routeTable: DeclaredRoute[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Every /api route must declare its access; a route that forgets fails at start-up rather than
 * being silently open. Then each request is authenticated and checked against the declaration.
 */
export function installAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  const routeTable: DeclaredRoute[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    const isApi = route.url.startsWith("/api") || route.url.startsWith("/open311");
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (!isApi || route.url.startsWith("/api/docs")) return;
    if (!declared) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method, url: route.url, access: declared });
    }
  });
  // On request, before the body is read or validated: a stranger learns nothing of a protected
  // route's schema, and sends at most a small body anywhere.
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    request.actor = await authenticate(request, ctx);
    if (!request.actor && Number(request.headers["content-length"] ?? 0) > ANONYMOUS_BODY_LIMIT)
      throw fail("PAYLOAD_TOO_LARGE", { limit: "64 KB" });
    if (access === "public") return;
    if (!request.actor) throw fail("UNAUTHENTICATED");
    if (access !== "authenticated" && !hasPermission(request.actor.role, access)) throw fail("FORBIDDEN");
  });
}

/** Open311 routes ignore sessions: a client holds an API key, and a browser's cookie gives it nothing. */
async function authenticate(request: FastifyRequest, ctx: AppContext): Promise<Actor | null> {
  if (isOpen311(request)) return null;
  const token = request.cookies[SESSION_COOKIE];
  return token ? actorForSession(ctx.db, token, ctx.now()) : null;
}

/** The signed-in actor of a route whose access is not "public". */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw fail("UNAUTHENTICATED");
  return request.actor;
}
