import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { orderRegionScope } from "../../platform/auth/order-visibility.js";
import { fail } from "../../platform/errors.js";
import { toWgs84 } from "../../platform/geo/coordinates.js";
import { presentOrder } from "../orders/presenter.js";
import { loadOrderDetail } from "../orders/queries.js";
import { activeRoutingModel } from "../routing/model/active.js";
import { DEMAND_TYPES } from "../time-limits/rules.js";
import { AttachmentsInput } from "./attachments.js";
import { CHANNEL_CODES, CHANNELS } from "./channels.js";
import { termsOf } from "./duplicates.js";
import { submitDemand } from "./intake.js";

const Crs = Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02"), Type.Literal("bd09")]);
const Location = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Crs),
  },
  { additionalProperties: false },
);
const Content = Type.String({ minLength: 5, maxLength: 4000, description: "诉求内容" });

const Submission = Type.Object(
  {
    channel: Type.Union(CHANNEL_CODES.map((c) => Type.Literal(c))),
    channelFields: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "the channel's own fields, see GET /api/channels",
      }),
    ),
    content: Content,
    title: Type.Optional(Type.String({ maxLength: 60 })),
    type: Type.Optional(Type.Union(DEMAND_TYPES.map((t) => Type.Literal(t)))),
    categoryCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
    urgent: Type.Optional(Type.Boolean()),
    location: Type.Optional(Location),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
    caller: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9][0-9 -]{6,19}$" })),
          confidential: Type.Optional(
            Type.Boolean({ description: "保密: units see neither name nor phone" }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    attachments: Type.Optional(AttachmentsInput),
    solveOnSpot: Type.Optional(
      Type.Object(
        {
          disposition: Type.Union([
            Type.Literal("solved"),
            Type.Literal("explained"),
            Type.Literal("handled_by_law"),
          ]),
          text: Type.String({ minLength: 5, maxLength: 4000 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Intake from every channel, classification and duplicate suggestions. */
export const demandRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/demands",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["demands"],
        summary: "Submit a demand through a channel; an Idempotency-Key header makes retries safe",
        headers: Type.Object({
          "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        }),
        body: Submission,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const key = request.headers["idempotency-key"] as string | undefined;
      const result = await submitDemand(ctx, actor, request.body, key);
      // A new order has no unit and no extension yet: present it from the inserted row, no reload.
      const order = result.replayed
        ? await loadOrderDetail(ctx.db, result.order.id)
        : {
            ...result.order,
            category_name: result.categoryName,
            unit_name: null,
            region_name: ctx.regions.get(result.order.region_code)?.name ?? null,
            pending_extension: false,
          };
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send({
        ...presentOrder(ctx, actor, order as NonNullable<typeof order>),
        // 查询码 for the receipt: with the order number it tracks the demand without an account.
        trackingCode: result.order.tracking_code,
        suggestions: { categories: result.categoryCandidates, duplicates: result.duplicates },
      });
    },
  );

  app.post(
    "/api/classify",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["demands"],
        summary:
          "Suggest categories (calibrated scores, the words behind each), type and urgency (with the dangers read) for a demand's text; unsure: a person should choose",
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => activeRoutingModel().suggest(request.body.text),
  );

  app.post(
    "/api/demands/duplicates",
    {
      config: { access: "orders.create" },
      schema: {
        tags: ["demands"],
        summary: "Open demands about the same problem nearby (same grid or 300 m, last 30 days)",
        body: Type.Object(
          {
            content: Content,
            location: Type.Optional(Location),
            regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      // Suggestions show other callers' demands: only those the actor may read anyway.
      const scope = orderRegionScope(actor);
      if (scope === null) return { items: [] };
      const point = body.location
        ? toWgs84(body.location.lng, body.location.lat, body.location.crs ?? "wgs84")
        : null;
      const located = point ? ctx.regions.locate(point[0], point[1]) : null;
      if (body.location && !located) throw fail("OUTSIDE_JURISDICTION");
      const gridCode =
        located?.grid.code ??
        (body.regionCode && ctx.regions.get(body.regionCode)?.level === "grid" ? body.regionCode : null);
      const items = await ctx.duplicates.find({
        words: termsOf(body.content),
        lng: point?.[0] ?? null,
        lat: point?.[1] ?? null,
        gridCode,
        scopePrefix: scope,
      });
      return { items };
    },
  );

  app.get(
    "/api/channels",
    {
      config: { access: "authenticated" },
      schema: { tags: ["demands"], summary: "The intake channels, who may use them and their fields" },
    },
    async () => ({
      items: CHANNEL_CODES.map((code) => ({
        code,
        name: CHANNELS[code].name,
        roles: CHANNELS[code].roles,
        fields: CHANNELS[code].fields,
      })),
    }),
  );
};
