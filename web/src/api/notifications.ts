import { apiRequest } from "./client";
import { queryString } from "./query";
import type { ApiBody, ApiQuery } from "./types";

/** 通知事件 The codes the server stores; the web renders each as `notifications.event.<code>`. */
export type NotifyEvent = NonNullable<ApiQuery<"/api/notifications/log">["event"]>;
/** GET/PUT /api/notifications/preferences (the PUT's body; the GET adds the mutable events). */
export type NotificationPreferences = ApiBody<"/api/notifications/preferences", "put">;
export type Channel = NotificationPreferences["channels"][number];
export type MutableEvent = NotificationPreferences["mutedEvents"][number];

export const CHANNELS: readonly Channel[] = ["inapp", "sms", "wechat", "email"];

/** One in-app notification (铃铛) of GET /api/notifications. */
export interface AppNotification {
  id: string;
  event: NotifyEvent;
  params: Record<string, string | number>;
  orderId: string | null;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}

/** One message the log provider kept instead of sending it (no gateway configured). */
export interface LoggedMessage {
  id: string;
  channel: Exclude<Channel, "inapp">;
  /** Masked by the server (138****1234). */
  recipient: string;
  userId: number | null;
  event: NotifyEvent;
  /** Rendered at delivery in the recipient's language. */
  body: string;
  createdAt: string;
}

export const notificationsApi = {
  list: (query: ApiQuery<"/api/notifications">, signal?: AbortSignal) =>
    apiRequest<{ unread: number; items: AppNotification[] }>(`/api/notifications${queryString(query)}`, {
      signal,
    }),
  /** Marks the notifications named read, or all of them when `ids` is left out. */
  markRead: (ids?: string[]) =>
    apiRequest<{ marked: number }>("/api/notifications/read", { method: "POST", body: ids ? { ids } : {} }),
  preferences: (signal?: AbortSignal) =>
    apiRequest<NotificationPreferences & { events: MutableEvent[] }>("/api/notifications/preferences", {
      signal,
    }),
  savePreferences: (body: NotificationPreferences) =>
    apiRequest<void>("/api/notifications/preferences", { method: "PUT", body }),
  log: (query: ApiQuery<"/api/notifications/log">, signal?: AbortSignal) =>
    apiRequest<{ items: LoggedMessage[] }>(`/api/notifications/log${queryString(query)}`, { signal }),
};
