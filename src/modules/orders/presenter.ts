import type { Order } from "../../db/schema.js";
import { hidesCaller } from "../../platform/auth/order-visibility.js";
import type { Actor } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";
import { factsOf } from "./commands/perform.js";
import { availableActions } from "./workflow/transition.js";

type Named = {
  category_name: string | null;
  unit_name: string | null;
  region_name: string | null;
  pending_extension: boolean;
};

/**
 * An order as an actor may see it: the caller masked (or hidden from units when confidential), and
 * the actions the actor may take now, so the UI renders buttons from the server's decision.
 */
export function presentOrder(ctx: AppContext, actor: Actor, order: Order & Named) {
  const hidden = hidesCaller(actor, order);
  const location = ctx.regions.locationOf(order.grid_code ?? order.region_code);
  return {
    id: order.id,
    orderNo: order.order_no,
    version: order.version,
    channel: order.channel,
    channelFields: order.channel_fields,
    type: order.demand_type,
    category: order.category_code ? { code: order.category_code, name: order.category_name } : null,
    urgent: order.urgent,
    ledger: order.ledger,
    title: order.title,
    content: order.content,
    address: order.address,
    location: order.lng !== null && order.lat !== null ? { lng: order.lng, lat: order.lat } : null,
    region: { code: order.region_code, name: order.region_name, ...(location ?? {}) },
    caller: {
      confidential: order.confidential,
      name: hidden ? null : order.caller_name,
      phone: hidden ? null : order.caller_phone_masked,
    },
    state: order.state,
    handlingLevel: order.handling_level,
    holderRegionCode: order.holder_region_code,
    holderName: ctx.regions.get(order.holder_region_code)?.name ?? null,
    mainUnit: order.main_unit_id ? { id: order.main_unit_id, name: order.unit_name } : null,
    disposition: order.disposition,
    replyText: order.reply_text,
    solvedOnSpot: order.solved_on_spot,
    mergedIntoId: order.merged_into_id,
    createdAt: order.created_at,
    acceptedAt: order.accepted_at,
    dispatchedAt: order.dispatched_at,
    signedAt: order.signed_at,
    repliedAt: order.replied_at,
    closedAt: order.closed_at,
    responseDueAt: order.response_due_at,
    handlingDueAt: order.handling_due_at,
    originalHandlingDueAt: order.original_handling_due_at,
    warningLevel: order.warning_level,
    supervisedAt: order.supervised_at,
    urgeCount: order.urge_count,
    reopenCount: order.reopen_count,
    returnCount: order.return_count,
    pendingExtension: order.pending_extension,
    actions: availableActions(actor, factsOf(order)),
  };
}
