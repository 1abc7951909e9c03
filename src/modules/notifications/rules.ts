import type { Order } from "../../db/schema.js";
import { chinaMsOfDay, formatChinaDateTime } from "../../platform/calendar/china-time.js";

/**
 * 通知事件 What Minhu tells people about. Stored and sent as a code with parameters; the reader's
 * language renders it (server: texts.ts at delivery; web: `notifications.event.<code>`).
 */
export const NOTIFY_EVENTS = [
  "order_dispatched", // 新派单 → the unit
  "order_due_soon", // 即将超期 → the unit and its dispatcher
  "order_overdue", // 已超期 → the unit and its dispatcher
  "order_supervised", // 超期自动督办 → the unit and its dispatcher
  "order_urged", // 督办/催办 → the unit
  "order_reopened", // 重办 → the unit
  "order_replied", // 已答复 → the caller
  "rating_link", // 评价链接 → the caller
  "login_code", // 登录验证码 → the phone signing in
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** Events a user may switch off: everything but the sign-in code. */
export const MUTABLE_EVENTS = NOTIFY_EVENTS.filter((e) => e !== "login_code");

export const CHANNELS = ["inapp", "sms", "wechat", "email"] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels that leave Minhu, through the outbox. */
export type ExternalChannel = Exclude<Channel, "inapp">;

/** Who hears of an event: the order's main unit, the dispatcher who sent it there, its caller. */
export type Audience = "unit" | "dispatcher" | "caller";

export type Params = Record<string, string | number>;

export interface OrderNotice {
  event: NotifyEvent;
  audiences: Audience[];
  params: Params;
  /** Urgent notices go through quiet hours. */
  urgent: boolean;
}

/** Urgent whatever the order: overdue and supervision cannot wait for the morning. */
const ALWAYS_URGENT: readonly NotifyEvent[] = [
  "order_overdue",
  "order_supervised",
  "order_urged",
  "login_code",
];

/**
 * The notice an order change raises, if any: decided from the lifecycle action the executor just
 * wrote, so every path that changes an order (people, the deadline watch, 12345) is covered once.
 */
export function noticeOf(
  action: string,
  order: Order,
  event: { note: string | null; data: Record<string, unknown> | undefined },
  links: { rating: string | null },
): OrderNotice | null {
  const base = { orderNo: order.order_no, title: order.title ?? "" };
  const due: Params = order.handling_due_at
    ? { dueAt: formatChinaDateTime(order.handling_due_at).slice(0, 16) }
    : {};
  const notice = (e: NotifyEvent, audiences: Audience[], params: Params = {}): OrderNotice => ({
    event: e,
    audiences,
    params: { ...base, ...params },
    urgent: order.urgent || ALWAYS_URGENT.includes(e),
  });
  switch (action) {
    case "dispatch":
    case "transfer":
      return notice("order_dispatched", ["unit"], due);
    case "warn":
      return event.data?.level === "red"
        ? notice("order_overdue", ["unit", "dispatcher"], due)
        : notice("order_due_soon", ["unit", "dispatcher"], due);
    case "supervise":
      return notice("order_supervised", ["unit", "dispatcher"], due);
    case "urge":
      return notice("order_urged", ["unit"], { note: event.note ?? "" });
    case "reopen":
      return notice("order_reopened", ["unit"], due);
    case "reply":
    case "share_reply":
      return notice("order_replied", ["caller"], { reply: excerpt(order.reply_text ?? "", 120) });
    case "verify":
      return links.rating ? notice("rating_link", ["caller"], { link: links.rating }) : null;
    default:
      return null;
  }
}

function excerpt(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** 免打扰 Quiet hours as minutes after midnight, China time; the window may wrap past midnight. */
export interface QuietHours {
  from: number;
  until: number;
}

/**
 * When a non-urgent message may be sent: now, or the end of the recipient's quiet hours when now
 * falls inside them. Urgent messages are never held.
 */
export function releaseAt(now: Date, quiet: QuietHours | null, urgent: boolean): Date {
  if (urgent || !quiet || quiet.from === quiet.until) return now;
  const minute = Math.floor(chinaMsOfDay(now) / 60_000);
  const inside =
    quiet.from < quiet.until
      ? minute >= quiet.from && minute < quiet.until
      : minute >= quiet.from || minute < quiet.until;
  if (!inside) return now;
  const wait = (quiet.until - minute + 24 * 60) % (24 * 60);
  const startOfMinute = now.getTime() - (chinaMsOfDay(now) % 60_000);
  return new Date(startOfMinute + wait * 60_000);
}

/** What a user hears by default: staff in the app, residents by SMS. */
export function defaultChannels(role: string): Channel[] {
  return role === "resident" ? ["sms"] : ["inapp"];
}
