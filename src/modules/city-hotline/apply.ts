import type { Order } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { maskPhone } from "../../platform/privacy/phone.js";
import type { AppContext } from "../context.js";
import { type DemandSubmission, submitDemand } from "../demands/intake.js";
import { applySystemAction } from "../orders/commands/perform.js";
import { orderTx } from "../orders/commands/types.js";
import { lockOrder } from "../orders/repository.js";
import { geocode } from "../places/geocode.js";
import { type CityRecord, recordHash } from "./format.js";
import { insertLink, updateLinkHash } from "./repository.js";

/** What became of one work order. */
export type RecordOutcome =
  | { outcome: "created" | "updated" | "unchanged"; workOrderNo: string; orderId: string | null }
  | { outcome: "unplaced"; workOrderNo: string; reason: "no_address" | "not_placed"; detail: string | null };

export interface ApplyOptions {
  source: string;
  /** Decide and report only: nothing is stored. */
  dryRun: boolean;
  /** The order already made from this work-order number, if any (looked up per chunk by the caller). */
  link: { orderId: string; rowHash: string } | undefined;
}

/**
 * Applies one 12345 work order: a number seen before with the same row changes nothing; a changed
 * row updates its order with one `city_update` event; a new number is located by the gazetteer and
 * registered through intake (channel 12345, its number and deadline as channel fields) with the link
 * stored in the same transaction; an address the gazetteer cannot place waits for a person.
 */
export async function applyRecord(
  ctx: AppContext,
  actor: Actor,
  record: CityRecord,
  options: ApplyOptions,
): Promise<RecordOutcome> {
  const rowHash = recordHash(record);
  const { workOrderNo } = record;
  if (options.link) {
    if (options.link.rowHash === rowHash)
      return { outcome: "unchanged", workOrderNo, orderId: options.link.orderId };
    if (options.dryRun) return { outcome: "updated", workOrderNo, orderId: options.link.orderId };
    const updated = await updateFromRecord(ctx, options.link.orderId, record, rowHash);
    return { outcome: updated ? "updated" : "unchanged", workOrderNo, orderId: options.link.orderId };
  }
  if (!record.address) return { outcome: "unplaced", workOrderNo, reason: "no_address", detail: null };
  const placement = geocode(ctx.places, record.address);
  if (!placement.placed || !placement.point) {
    const guess = placement.grid ? `${placement.grid.name} ${placement.confidence}` : null;
    return { outcome: "unplaced", workOrderNo, reason: "not_placed", detail: guess };
  }
  if (options.dryRun) return { outcome: "created", workOrderNo, orderId: null };
  const order = await createFromRecord(ctx, actor, record, { location: placement.point }, options.source);
  return { outcome: "created", workOrderNo, orderId: order.id };
}

/** Registers a work order through intake where it was placed (a point, or a grid a person chose). */
export async function createFromRecord(
  ctx: AppContext,
  actor: Actor,
  record: CityRecord,
  where: { location: { lng: number; lat: number } } | { regionCode: string },
  source: string,
): Promise<Order> {
  const submission: DemandSubmission = {
    channel: "12345",
    channelFields: channelFieldsOf(record),
    content: record.content,
    ...(record.title ? { title: record.title } : {}),
    ...(record.type ? { type: record.type } : {}),
    ...where,
    ...(record.address ? { address: record.address } : {}),
    caller: {
      ...(record.callerName ? { name: record.callerName } : {}),
      ...(record.phone ? { phone: record.phone } : {}),
    },
  };
  const rowHash = recordHash(record);
  const { order } = await submitDemand(ctx, actor, submission, undefined, (trx, stored) =>
    insertLink(trx, { workOrderNo: record.workOrderNo, orderId: stored.id, rowHash, source }),
  );
  return order;
}

function channelFieldsOf(record: CityRecord): Record<string, string> {
  return {
    workOrderNo: record.workOrderNo,
    ...(record.callAt ? { callAt: record.callAt } : {}),
    ...(record.dueAt ? { cityDueAt: record.dueAt } : {}),
  };
}

/**
 * A changed row: the fields the platform owns (text, title, address, caller, call time, its deadline)
 * are written through the order executor as one `city_update` event; false when none of them changed
 * (the row's hash is still recorded, so the next import finds it unchanged).
 */
async function updateFromRecord(ctx: AppContext, orderId: string, record: CityRecord, rowHash: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    if (!order) return false;
    const channelFields = { ...order.channel_fields, ...channelFieldsOf(record) };
    const phoneHash = record.phone ? ctx.vault.lookupHash(record.phone) : null;
    const title = record.title ?? order.title;
    const changed = [
      record.content !== order.content && "content",
      title !== order.title && "title",
      record.address !== order.address && "address",
      record.callerName !== order.caller_name && "callerName",
      phoneHash !== order.caller_phone_hash && "phone",
      channelFields.callAt !== order.channel_fields.callAt && "callAt",
      channelFields.cityDueAt !== order.channel_fields.cityDueAt && "dueAt",
    ].filter((field): field is string => Boolean(field));
    await updateLinkHash(trx, record.workOrderNo, rowHash, ctx.now());
    if (changed.length === 0) return false;
    await applySystemAction(orderTx(trx, ctx), order, "city_update", {
      content: record.content,
      title,
      address: record.address,
      callerName: record.callerName,
      phone: record.phone
        ? { cipher: ctx.vault.encrypt(record.phone), hash: phoneHash, masked: maskPhone(record.phone) }
        : null,
      channelFields,
      changed,
    });
    return true;
  });
}
