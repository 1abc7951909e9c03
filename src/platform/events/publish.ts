import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { payloadFields } from "../notification-payload.js";

/** The NOTIFY channel every instance listens on for order changes. */
export const ORDER_CHANNEL = "minhu_orders";

/** One change to an order, as live clients receive it: enough to refresh a list, no personal content. */
export interface OrderChange {
  orderId: string;
  orderNo: string;
  /** What happened, e.g. "dispatch", "sign", "reply". */
  action: string;
  /** The state after the change. */
  state: string;
  /** Where the demand is located. */
  regionCode: string;
  /** The jurisdiction currently holding the order. */
  holderRegionCode: string;
  /** Units with an assignment on the order. */
  unitIds: number[];
  /** The resident who submitted it, if any. */
  residentId: number | null;
  /** ISO instant of the change. */
  at: string;
  /** Set on urgent orders (紧急诉求): a command centre raises an alert when one is registered. */
  urgent?: true;
}

/** NOTIFY payloads must stay below 8000 bytes; well below leaves room for longer values. */
const MAX_PAYLOAD_BYTES = 6000;

/**
 * Announces an order change to every instance. Runs in the caller's transaction: PostgreSQL delivers the
 * notification on commit and drops it on rollback, so clients never see a change that did not happen.
 */
export async function publishOrderChange(trx: Transaction<DB>, change: OrderChange): Promise<void> {
  await sql`SELECT pg_notify(${ORDER_CHANNEL}, ${payloadOf(change)})`.execute(trx);
}

/** Announces many changes with one statement (a batch of intakes), each as its own notification. */
export async function publishOrderChanges(trx: Transaction<DB>, changes: OrderChange[]): Promise<void> {
  if (changes.length === 0) return;
  await sql`SELECT pg_notify(${ORDER_CHANNEL}, payload) FROM unnest(${changes.map(payloadOf)}::text[]) AS payload`.execute(
    trx,
  );
}

function payloadOf(change: OrderChange): string {
  const payload = JSON.stringify(onlyChangeFields(change));
  const bytes = Buffer.byteLength(payload);
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new Error(`order change ${change.orderNo} is too large to notify (${bytes} bytes)`);
  return payload;
}

/** Reads a notification payload; null unless it is a well-formed change (anyone may NOTIFY the channel). */
export function parseOrderChange(payload: string): OrderChange | null {
  const fields = payloadFields(payload);
  return fields && isOrderChange(fields) ? onlyChangeFields(fields) : null;
}

const TEXT_FIELDS = [
  "orderId",
  "orderNo",
  "action",
  "state",
  "regionCode",
  "holderRegionCode",
  "at",
] as const;

function isOrderChange(fields: Record<string, unknown>): fields is Record<string, unknown> & OrderChange {
  return (
    TEXT_FIELDS.every((field) => typeof fields[field] === "string") &&
    Array.isArray(fields.unitIds) &&
    fields.unitIds.every(Number.isInteger) &&
    (fields.residentId === null || Number.isInteger(fields.residentId))
  );
}

/** Copies the declared fields only, so an object carrying more (e.g. a whole order row) leaks nothing. */
function onlyChangeFields(change: OrderChange): OrderChange {
  const { orderId, orderNo, action, state, regionCode, holderRegionCode, unitIds, residentId, at } = change;
  const fields = { orderId, orderNo, action, state, regionCode, holderRegionCode, unitIds, residentId, at };
  return change.urgent === true ? { ...fields, urgent: true } : fields;
}

/** The NOTIFY channel on which instances hear that early warnings were found or decided. */
export const WARNING_CHANNEL = "minhu_warnings";

/** Warnings changed in these regions: enough for a command centre to refetch its list, no content. */
export interface WarningNotice {
  regionCodes: string[];
  /** ISO instant of the change. */
  at: string;
}

/**
 * Announces warnings found or decided in some regions (nothing when the list is empty). In a
 * transaction it is delivered on commit, like order changes.
 */
export async function publishWarningNotice(
  db: Kysely<DB> | Transaction<DB>,
  regionCodes: readonly string[],
  now: Date,
): Promise<void> {
  const unique = [...new Set(regionCodes)].sort();
  if (unique.length === 0) return;
  const notice: WarningNotice = { regionCodes: unique, at: now.toISOString() };
  const bytes = Buffer.byteLength(JSON.stringify(notice));
  if (bytes > MAX_PAYLOAD_BYTES) throw new Error(`warning notice too large to notify (${bytes} bytes)`);
  await sql`SELECT pg_notify(${WARNING_CHANNEL}, ${JSON.stringify(notice)})`.execute(db);
}

/** Reads a warning notice; null unless well-formed (anyone connected may NOTIFY the channel). */
export function parseWarningNotice(payload: string): WarningNotice | null {
  const fields = payloadFields(payload);
  if (!fields) return null;
  const { regionCodes, at } = fields;
  if (typeof at !== "string" || !Array.isArray(regionCodes)) return null;
  if (!regionCodes.every((code) => typeof code === "string")) return null;
  return { regionCodes: regionCodes as string[], at };
}

/** The NOTIFY channel on which instances hear that users have new in-app notifications (铃铛). */
export const NOTIFICATION_CHANNEL = "minhu_notifications";

/** These users have new notifications: their pages refetch the count; no content travels here. */
export interface NotificationNotice {
  userIds: number[];
  /** ISO instant of the change. */
  at: string;
}

/** Announces new notifications on commit of the caller's transaction (nothing when no one is told). */
export async function publishNotificationNotice(
  trx: Transaction<DB>,
  userIds: readonly number[],
  now: Date,
): Promise<void> {
  const unique = [...new Set(userIds)].sort((a, b) => a - b).slice(0, 500);
  if (unique.length === 0) return;
  const notice: NotificationNotice = { userIds: unique, at: now.toISOString() };
  await sql`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${JSON.stringify(notice)})`.execute(trx);
}

/** Reads a notification notice; null unless well-formed (anyone connected may NOTIFY the channel). */
export function parseNotificationNotice(payload: string): NotificationNotice | null {
  const fields = payloadFields(payload);
  if (!fields) return null;
  const { userIds, at } = fields;
  if (typeof at !== "string" || !Array.isArray(userIds) || !userIds.every(Number.isInteger)) return null;
  return { userIds: userIds as number[], at };
}
