import type { Actor } from "../platform/auth/permissions.js";
import { actorForSession, onSessionEnd, SESSION_COOKIE } from "../platform/auth/session.js";
import { EventStream } from "../platform/events/event-stream.js";
import type { EventHub } from "../platform/events/hub.js";
import { actorOf } from "./access.js";
import type { Routes, RoutesOptions } from "./plugin.js";

export interface EventRouteOptions extends RoutesOptions {
  /** Fans the database's order notices out to this instance's streams. */
  hub: EventHub;
  /** Between `: ping` comments, each after re-checking the session; default 25 s. */
  pingIntervalMs?: number;
}

/** How long a client waits before reconnecting after the stream drops. */
const RETRY_MS = 3000;

/** Live order changes for the signed-in user as server-sent events. */
export const eventRoutes: Routes<EventRouteOptions> = async (app, { ctx, hub, pingIntervalMs = 25_000 }) => {
  const open = new Set<EventStream>();
  // An open stream would keep app.close() waiting for ever: end them all first.
  app.addHook("preClose", async () => {
    for (const stream of open) stream.close();
  });

  app.get(
    "/api/events/stream",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["events"],
        summary: "Live changes to the orders one may see, as server-sent events",
        description:
          "A text/event-stream: `retry: 3000`, then `event: ready`, then one `event: order` per change " +
          "(data: {orderId, orderNo, action, state, regionCode, holderRegionCode, unitIds, residentId, at}), " +
          "one `event: warning` when early warnings were found or decided in regions one may read " +
          "(data: {regionCodes, at}; refetch GET /api/warnings), one `event: notification` when the user has " +
          "new in-app notifications (data: {at}; refetch GET /api/notifications), and a `: ping` comment every 25 s. The stream ends when the session does. Events missed while " +
          "disconnected are not replayed: refetch on `ready`.",
        hide: false,
        response: {
          200: {
            description: "The event stream",
            content: { "text/event-stream": { schema: { type: "string" } } },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = request.cookies[SESSION_COOKIE];
      reply.hijack();
      const stream = EventStream.open(reply.raw, RETRY_MS);
      open.add(stream);
      const unsubscribe = hub.subscribe(actor, (change) => stream.send("order", change));
      const unsubscribeWarnings = hub.subscribeToWarnings(actor, (notice) => stream.send("warning", notice));
      const unsubscribeNotifications = hub.subscribeToNotifications(actor, (notice) =>
        stream.send("notification", { at: notice.at }),
      );
      stream.send("ready", {});
      const stillSignedIn = async () => {
        const current = token ? await actorForSession(ctx.db, token, ctx.now()) : null;
        return current !== null && sameActor(current, actor);
      };
      const stopPinging = pingWhile(stream, stillSignedIn, pingIntervalMs);
      // Sign-out, deactivation and a new password end the stream at once, not at the next ping.
      const stopWatching = onSessionEnd((end) => {
        if ("token" in end ? end.token === token : end.userId === actor.id) {
          stillSignedIn()
            .catch(() => false)
            .then((ok) => {
              if (!ok) stream.close();
            });
        }
      });
      const cleanUp = () => {
        stopWatching();
        open.delete(stream);
        unsubscribe();
        unsubscribeWarnings();
        unsubscribeNotifications();
        stopPinging();
      };
      reply.raw.once("close", cleanUp);
      // A client gone while it was being authenticated closed the response before the listener existed.
      if (reply.raw.destroyed) cleanUp();
    },
  );
};

/**
 * Pings every `everyMs` while `valid()` holds, else ends the stream: a session signed out, expired or
 * changed (new role or region) must not keep receiving changes. A failed check ends it too; the client
 * reconnects and is authenticated afresh.
 */
function pingWhile(stream: EventStream, valid: () => Promise<boolean>, everyMs: number): () => void {
  let timer: NodeJS.Timeout;
  const tick = async () => {
    const ok = await valid().catch(() => false);
    if (stream.closed) return;
    if (!ok) {
      stream.close();
      return;
    }
    stream.comment("ping");
    timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, everyMs);
  return () => clearTimeout(timer);
}

function sameActor(a: Actor, b: Actor): boolean {
  return (Object.keys(a) as (keyof Actor)[]).every((key) => a[key] === b[key]);
}
