import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { hidesCaller, maySeeStoredOrder } from "../../platform/auth/order-visibility.js";
import { fail } from "../../platform/errors.js";
import { literals } from "../../platform/schema.js";
import { ACTION_DEFINITIONS } from "./commands/index.js";
import { performAction } from "./commands/perform.js";
import { presentOrder } from "./presenter.js";
import {
  findAttachment,
  listAssignments,
  listAttachments,
  listOrders,
  listVisits,
  loadOrderDetail,
} from "./queries.js";
import { appendEvent, listEvents } from "./repository.js";
import { ORDER_ACTIONS, ORDER_STATES } from "./workflow/lifecycle.js";

const OrderId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const csv = (values: readonly string[]) =>
  Type.String({ pattern: `^(${values.join("|")})(,(${values.join("|")}))*$` });

/** Orders: list, read with history, act through the lifecycle, reveal a phone (logged). */
export const orderRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/orders",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "Orders in the caller's scope, filtered, sorted and paged",
        querystring: Type.Object(
          {
            state: Type.Optional(csv(ORDER_STATES)),
            level: Type.Optional(literals(["grid", "community", "street", "district"])),
            unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            region: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
            category: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
            channel: Type.Optional(Type.String({ maxLength: 30 })),
            type: Type.Optional(Type.String({ maxLength: 20 })),
            overdue: Type.Optional(Type.Boolean()),
            supervised: Type.Optional(Type.Boolean()),
            warning: Type.Optional(
              Type.Union([Type.Literal("none"), Type.Literal("yellow"), Type.Literal("red")]),
            ),
            pendingExtension: Type.Optional(Type.Boolean()),
            returned: Type.Optional(Type.Boolean({ description: "returned (退单) at least once" })),
            held: Type.Optional(
              Type.Union([Type.Literal("mine"), Type.Literal("above")], {
                description:
                  "mine: held inside the caller's jurisdiction (work it can act on); above: located in it but held by a higher level",
              }),
            ),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            from: Type.Optional(Type.String({ format: "date-time" })),
            to: Type.Optional(Type.String({ format: "date-time" })),
            sort: Type.Optional(
              Type.Union([
                Type.Literal("created_at"),
                Type.Literal("handling_due_at"),
                Type.Literal("updated_at"),
              ]),
            ),
            order: Type.Optional(Type.Union([Type.Literal("asc"), Type.Literal("desc")])),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const query = request.query;
      const { total, rows } = await listOrders(
        ctx.db,
        actor,
        { ...query, state: query.state?.split(",") },
        ctx.now(),
      );
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((row) => presentOrder(ctx, actor, row)),
      };
    },
  );

  app.get(
    "/api/orders/:id",
    {
      config: { access: "orders.read" },
      schema: { tags: ["orders"], summary: "One order with its units and full history", params: OrderId },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const order = await loadOrderDetail(ctx.db, id);
      if (!order || !(await maySeeStoredOrder(ctx.db, actor, order)))
        throw fail("NOT_FOUND", { what: `order ${id}` });
      const [assignments, events, visits, attachments] = await Promise.all([
        listAssignments(ctx.db, id),
        listEvents(ctx.db, id),
        listVisits(ctx.db, id),
        listAttachments(ctx.db, id),
      ]);
      const isCaller = actor.role === "resident";
      const replyPhotos = new Set(
        events.flatMap((e) =>
          e.action === "reply" && Array.isArray(e.data?.attachmentIds)
            ? (e.data.attachmentIds as string[])
            : [],
        ),
      );
      return {
        ...presentOrder(ctx, actor, order),
        // The caller's own 查询码, to pass on to someone tracking without an account.
        trackingCode: isCaller ? order.tracking_code : undefined,
        attachments: attachments.map((a) => ({
          id: a.id,
          fileName: a.file_name,
          mime: a.mime,
          sizeBytes: a.size_bytes,
          // 处置后照片 came with a reply; the others with the demand.
          stage: replyPhotos.has(a.id) ? "reply" : "intake",
        })),
        visits: visits.map((v) => ({
          round: v.round,
          state: v.state,
          method: v.method,
          solved: v.solved,
          satisfied: v.satisfied,
          comment: v.comment,
          visitedAt: v.visited_at,
          // The caller's own rating link (一事一评), shown only to the caller while it is open.
          token: isCaller && v.state === "pending" ? ctx.tokens.visitToken(id, v.round) : undefined,
        })),
        assignments: assignments.map((a) => ({
          unitId: a.unit_id,
          unitName: a.name,
          role: a.role,
          assignedAt: a.assigned_at,
          signedAt: a.signed_at,
          repliedAt: a.replied_at,
          endedAt: a.ended_at,
          endReason: a.end_reason,
        })),
        history: events
          .filter((e) => e.action !== "reveal_phone" || actor.role !== "resident")
          .map((e) => ({
            id: e.id,
            action: e.action,
            from: e.from_state,
            to: e.to_state,
            actorRole: e.actor_role,
            actorName: actor.role === "resident" ? null : e.actor_name,
            unitName: e.unit_name,
            note: e.note,
            data: e.data,
            at: e.at,
          })),
      };
    },
  );

  for (const action of ORDER_ACTIONS) {
    const definition = ACTION_DEFINITIONS[action];
    app.post(
      `/api/orders/:id/actions/${action}`,
      {
        config: { access: "orders.act" },
        schema: {
          tags: ["order actions"],
          summary: definition.summary,
          params: OrderId,
          body: Type.Object(
            {
              version: Type.Integer({
                minimum: 1,
                maximum: 2_147_483_647,
                description: "the version you read (optimistic lock)",
              }),
              ...definition.input.properties,
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version, ...input } = request.body;
        const { id } = request.params;
        const { result } = await performAction(
          ctx,
          { kind: "actor", actor },
          { orderId: id, action, version, input },
        );
        const order = await loadOrderDetail(ctx.db, id);
        return { ...presentOrder(ctx, actor, order as NonNullable<typeof order>), result };
      },
    );
  }

  app.post(
    "/api/orders/:id/reveal-phone",
    {
      config: { access: "phones.reveal" },
      schema: {
        tags: ["orders"],
        summary: "Show the caller's full phone number; every reveal is recorded in the history",
        params: OrderId,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const order = await loadOrderDetail(ctx.db, id);
      if (!order || !(await maySeeStoredOrder(ctx.db, actor, order)))
        throw fail("NOT_FOUND", { what: `order ${id}` });
      if (hidesCaller(actor, order)) throw fail("FORBIDDEN");
      if (!order.caller_phone_cipher) throw fail("NOT_FOUND", { what: "phone" });
      await appendEvent(ctx.db, {
        orderId: id,
        action: "reveal_phone",
        fromState: order.state,
        toState: order.state,
        actorId: actor.id,
        actorRole: actor.role,
        unitId: actor.unitId,
        at: ctx.now(),
      });
      return { phone: ctx.vault.decrypt(order.caller_phone_cipher) };
    },
  );

  app.get(
    "/api/orders/:id/attachments/:attachmentId",
    {
      config: { access: "orders.read" },
      schema: {
        tags: ["orders"],
        summary: "An attached photo",
        params: Type.Object({ id: OrderId.properties.id, attachmentId: Type.String({ format: "uuid" }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, attachmentId } = request.params;
      const order = await loadOrderDetail(ctx.db, id);
      if (!order || !(await maySeeStoredOrder(ctx.db, actor, order)))
        throw fail("NOT_FOUND", { what: `order ${id}` });
      const file = await findAttachment(ctx.db, id, attachmentId);
      if (!file) throw fail("NOT_FOUND", { what: "attachment" });
      return (
        reply
          // The type the bytes were checked to be at intake; never sniffed, shown inline only as that type.
          .header("content-type", file.mime)
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", `inline; filename="${file.id}"`)
          .header("cache-control", "private, no-store")
          .send(file.content)
      );
    },
  );
};
