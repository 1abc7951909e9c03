import type { Transaction } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { publishNotificationNotice } from "../../platform/events/publish.js";
import { addMessage } from "../outbox/repository.js";
import {
  insertNotifications,
  lastDispatcher,
  type NewNotification,
  type Recipient,
  recipients,
} from "./repository.js";
import {
  type Audience,
  type Channel,
  defaultChannels,
  type ExternalChannel,
  type NotifyEvent,
  noticeOf,
  type OrderNotice,
  type Params,
  releaseAt,
} from "./rules.js";

/** The outbox topic of a notification channel: `notify.sms`, `notify.wechat`, `notify.email`. */
export function topicOf(channel: ExternalChannel): string {
  return `notify.${channel}`;
}

/** What an outbox notification carries: codes and where to, never the rendered text. */
export interface NotificationPayload {
  event: NotifyEvent;
  params: Params;
  userId: number | null;
  /** The phone, still encrypted (SMS). */
  phoneCipher?: string;
  email?: string;
  openid?: string;
}

/**
 * 通知 Called by the order executor for every change it writes, inside its transaction: the change's
 * notice becomes in-app notifications and outbox messages that exist exactly when the change commits.
 * Each recipient's preferences pick the channels (a muted event reaches no one); non-urgent messages
 * wait out the recipient's quiet hours in the outbox.
 */
export async function notifyOrderChange(
  trx: Transaction<DB>,
  order: Order,
  action: string,
  event: { note: string | null; data: Record<string, unknown> | undefined },
  links: { rating: string | null },
  now: Date,
): Promise<void> {
  const notice = noticeOf(action, order, event, links);
  if (!notice) return;
  const people = await audienceOf(trx, order, notice.audiences);
  const inApp: NewNotification[] = [];
  const keyBase = `notify-${order.order_no}-v${order.version}-${notice.event}`;
  for (const person of people) {
    const prefs = person.prefs;
    if (prefs?.mutedEvents.includes(notice.event)) continue;
    const channels = (prefs?.channels ?? defaultChannels(person.role)) as Channel[];
    const quiet =
      prefs?.quietFrom != null && prefs.quietUntil != null
        ? { from: prefs.quietFrom, until: prefs.quietUntil }
        : null;
    for (const channel of channels) {
      if (channel === "inapp") {
        // Residents have no bell: their notices leave Minhu.
        if (person.role !== "resident")
          inApp.push({
            userId: person.id,
            event: notice.event,
            params: notice.params,
            orderId: order.id,
            urgent: notice.urgent,
          });
        continue;
      }
      const to = addressOf(person, channel);
      if (!to) continue;
      await enqueue(
        trx,
        channel,
        { ...notice, userId: person.id, to },
        `${keyBase}-u${person.id}-${channel}`,
        releaseAt(now, quiet, notice.urgent),
        now,
      );
    }
  }
  // A caller without an account is told by SMS at the number they gave.
  if (notice.audiences.includes("caller") && order.resident_id === null && order.caller_phone_cipher) {
    const to = { phoneCipher: order.caller_phone_cipher };
    await enqueue(trx, "sms", { ...notice, userId: null, to }, `${keyBase}-caller-sms`, now, now);
  }
  await insertNotifications(trx, inApp, now);
  await publishNotificationNotice(
    trx,
    inApp.map((n) => n.userId),
    now,
  );
}

/** Sends a one-time sign-in code by SMS, through the outbox, at once (never held by quiet hours). */
export async function enqueueLoginCode(
  trx: Transaction<DB>,
  codeId: string,
  phoneCipher: string,
  params: Params,
  now: Date,
): Promise<void> {
  const message = { event: "login_code" as const, params, userId: null, to: { phoneCipher } };
  await enqueue(trx, "sms", message, `login-code-${codeId}`, now, now);
}

async function enqueue(
  trx: Transaction<DB>,
  channel: ExternalChannel,
  message: Pick<OrderNotice, "event" | "params"> & {
    userId: number | null;
    to: Partial<NotificationPayload>;
  },
  key: string,
  notBefore: Date,
  now: Date,
): Promise<void> {
  const payload: NotificationPayload = {
    event: message.event,
    params: message.params,
    userId: message.userId,
    ...message.to,
  };
  // No order id: a notification must not wait behind the order's undelivered 12345 results.
  await addMessage(
    trx,
    { topic: topicOf(channel), orderId: null, idempotencyKey: key, payload: { ...payload }, notBefore },
    now,
  );
}

function addressOf(person: Recipient, channel: ExternalChannel): Partial<NotificationPayload> | null {
  if (channel === "sms") return person.phoneCipher ? { phoneCipher: person.phoneCipher } : null;
  if (channel === "email") return person.prefs?.email ? { email: person.prefs.email } : null;
  return person.prefs?.wechatOpenid ? { openid: person.prefs.wechatOpenid } : null;
}

/** The people behind the audiences: the main unit's users, the dispatcher, the resident account. */
async function audienceOf(trx: Transaction<DB>, order: Order, audiences: Audience[]): Promise<Recipient[]> {
  const found = new Map<number, Recipient>();
  const add = (list: Recipient[]) => {
    for (const r of list) found.set(r.id, r);
  };
  if (audiences.includes("unit") && order.main_unit_id !== null)
    add(await recipients(trx, { unitId: order.main_unit_id }));
  if (audiences.includes("dispatcher")) {
    const dispatcher = await lastDispatcher(trx, order.id);
    if (dispatcher !== null) add(await recipients(trx, { userIds: [dispatcher] }));
  }
  if (audiences.includes("caller") && order.resident_id !== null)
    add(await recipients(trx, { userIds: [order.resident_id] }));
  return [...found.values()];
}
