import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { requireWholeDistrict } from "../../platform/auth/permissions.js";
import { findPreferences, listForUser, listLog, markRead, savePreferences } from "./repository.js";
import { CHANNELS, defaultChannels, MUTABLE_EVENTS, NOTIFY_EVENTS } from "./rules.js";

const tags = ["notifications"];
const Id = Type.String({ pattern: "^[0-9]{1,18}$" });
const Minute = Type.Integer({ minimum: 0, maximum: 1439 });
const Preferences = Type.Object(
  {
    /** Events the user does not want to hear of (the sign-in code cannot be muted). */
    mutedEvents: Type.Array(Type.Union(MUTABLE_EVENTS.map((e) => Type.Literal(e))), {
      maxItems: 20,
      uniqueItems: true,
    }),
    channels: Type.Array(Type.Union(CHANNELS.map((c) => Type.Literal(c))), {
      maxItems: 4,
      uniqueItems: true,
    }),
    /** 免打扰: minutes after midnight (China time); non-urgent messages wait until it ends. */
    quietHours: Type.Union([
      Type.Object({ from: Minute, until: Minute }, { additionalProperties: false }),
      Type.Null(),
    ]),
    locale: Type.Union([Type.Literal("zh-CN"), Type.Literal("en-US")]),
    email: Type.Union([Type.String({ format: "email", maxLength: 200 }), Type.Null()]),
    wechatOpenid: Type.Union([Type.String({ pattern: "^[A-Za-z0-9_-]{6,64}$" }), Type.Null()]),
  },
  { additionalProperties: false },
);

/**
 * 通知中心 Each user's own notifications and preferences (only ever their own: the session names
 * the user, no id is taken from the request), and the log provider's messages for the district's
 * administrators and command centre.
 */
export const notificationRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            unreadOnly: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { items, unread } = await listForUser(ctx.db, actorOf(request).id, request.query);
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          event: n.event,
          params: n.params,
          orderId: n.order_id,
          urgent: n.urgent,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
      };
    },
  );

  app.post(
    "/api/notifications/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Mark my notifications read: the ones named, or all when none are",
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({
      marked: await markRead(ctx.db, actorOf(request).id, request.body.ids ?? null, ctx.now()),
    }),
  );

  app.get(
    "/api/notifications/preferences",
    { config: { access: "authenticated" }, schema: { tags, summary: "My notification preferences" } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findPreferences(ctx.db, actor.id);
      return {
        events: MUTABLE_EVENTS,
        mutedEvents: row?.muted_events ?? [],
        channels: row?.channels ?? defaultChannels(actor.role),
        quietHours:
          row?.quiet_from != null && row.quiet_until != null
            ? { from: row.quiet_from, until: row.quiet_until }
            : null,
        locale: row?.locale ?? "zh-CN",
        email: row?.email ?? null,
        wechatOpenid: row?.wechat_openid ?? null,
      };
    },
  );

  app.put(
    "/api/notifications/preferences",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Save my notification preferences", body: Preferences },
    },
    async (request, reply) => {
      const body = request.body;
      await savePreferences(
        ctx.db,
        actorOf(request).id,
        {
          muted_events: body.mutedEvents,
          channels: body.channels,
          quiet_from: body.quietHours?.from ?? null,
          quiet_until: body.quietHours?.until ?? null,
          locale: body.locale,
          email: body.email,
          wechat_openid: body.wechatOpenid,
        },
        ctx.now(),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/notifications/log",
    {
      config: { access: "integrations.manage" },
      schema: {
        tags,
        summary: "Messages the log provider kept (channels without a gateway), newest first",
        querystring: Type.Object(
          {
            phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9 -]{5,20}$" })),
            event: Type.Optional(Type.Union(NOTIFY_EVENTS.map((e) => Type.Literal(e)))),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      requireWholeDistrict(actorOf(request), ctx.regions.root()?.code ?? "");
      const { phone, ...rest } = request.query;
      const rows = await listLog(ctx.db, {
        ...rest,
        ...(phone ? { phoneHash: ctx.vault.lookupHash(phone) } : {}),
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipient: r.recipient,
          userId: r.user_id,
          event: r.event,
          body: r.body,
          createdAt: r.created_at,
        })),
      };
    },
  );
};
