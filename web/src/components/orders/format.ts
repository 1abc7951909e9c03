import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc";
import type { MessageKey, Translate } from "../../i18n/context";
import { OPEN_STATES, type Order, type OrderState } from "./types";

/** A message key built from data (a state, an action, a channel); unknown ones fall back in `label`. */
export function messageKey(text: string): MessageKey {
  return text as MessageKey;
}

/** `t(key)` for a key built from server data; an unknown value shows itself instead of a raw key. */
export function label(t: Translate, key: string, fallback: string): string {
  const text = t(messageKey(key));
  return text === undefined || text === key ? fallback : text;
}

dayjs.extend(utc);

/**
 * An instant (now when omitted) on China's clock (UTC+8, no daylight saving), whatever the
 * browser's time zone: deadlines, Excel sheets and warnings all speak 北京时间.
 */
export function chinaTime(iso?: string | number | Date): Dayjs {
  return (iso === undefined ? dayjs() : dayjs(iso)).utcOffset(480);
}

/** `2026-11-26 09:30` China time, or an em dash for nothing. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? chinaTime(iso).format("YYYY-MM-DD HH:mm") : "—";
}

/** `11-26 09:30` China time, for lists. */
export function formatShort(iso: string | null | undefined): string {
  return iso ? chinaTime(iso).format("MM-DD HH:mm") : "—";
}

export function isOpen(order: Pick<Order, "state">): boolean {
  return OPEN_STATES.includes(order.state);
}

/** "2天3小时" / "2 d 3 h": the largest two units of a span in milliseconds. */
export function formatSpan(t: Translate, milliseconds: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(milliseconds) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t("orders.deadline.days", { n: days }));
  if (hours > 0) parts.push(t("orders.deadline.hours", { n: hours }));
  if (days === 0 && rest > 0) parts.push(t("orders.deadline.minutes", { n: rest }));
  return parts.slice(0, 2).join(" ");
}

export function stateLabel(t: Translate, state: OrderState | string): string {
  return label(t, `orders.state.${state}`, state);
}

export function actionLabel(t: Translate, action: string): string {
  return label(t, `orders.action.${action}`, action);
}

export function typeLabel(t: Translate, type: string): string {
  return label(t, `orders.type.${type}`, type);
}

export function channelLabel(t: Translate, channel: string): string {
  return label(t, `orders.channel.${channel}`, channel);
}

export function dispositionLabel(t: Translate, disposition: string): string {
  return label(t, `orders.disposition.${disposition}`, disposition);
}

/** The place of an order as street · community · grid (whatever is known). */
export function placeOf(order: Pick<Order, "region">): string {
  const { region } = order;
  const parts = [region.street?.name, region.community?.name, region.grid?.name].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : (region.name ?? region.code);
}
