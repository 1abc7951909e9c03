import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { hasPermission, scopeOf } from "../../platform/auth/permissions.js";
import { countOrders } from "../orders/queries.js";
import { listWarnings } from "../warning/repository.js";
import { tilesFor } from "./tiles.js";

/**
 * 工作台: the caller's work as counts, each the total of the list it opens. An order tile's count is
 * GET /api/orders with the tile's `query` (same query, same visibility policy); the warnings tile's
 * is GET /api/warnings?state=undecided.
 */
export const workRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/work",
    {
      config: { access: "work.read" },
      schema: {
        tags: ["orders"],
        summary:
          "The caller's home: counts of what to do now, overdue, due soon and warnings, each with the list query it opens",
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = ctx.now();
      const scope = scopeOf(actor);
      const tiles = await Promise.all(
        tilesFor(actor.role).map(async (tile) => {
          if (tile.kind === "orders")
            return { ...tile, count: await countOrders(ctx.db, actor, tile.query, now) };
          if (!hasPermission(actor.role, "warnings.read") || scope === null) return null;
          const { total } = await listWarnings(ctx.db, scope, { state: "undecided", page: 1, pageSize: 1 });
          return { ...tile, count: total };
        }),
      );
      return { tiles: tiles.filter((tile) => tile !== null) };
    },
  );
};
