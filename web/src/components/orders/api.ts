import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import type {
  CategoryNode,
  ChannelInfo,
  Classification,
  Crs,
  DemandSubmission,
  DuplicateSuggestion,
  Located,
  Order,
  OrderAction,
  OrderDetail,
  OrderPage,
  OrderQuery,
  PointInput,
  RoutingSuggestion,
  SubmittedOrder,
  TrackResult,
  Unit,
  VisitLink,
  VisitRating,
} from "./types";

/** An action's answer: the order after it, plus the action's own result (e.g. an extension request id). */
export type ActedOrder = Order & { result: Record<string, unknown> };

/** Every order, intake and rating endpoint the web app uses. */
export const ordersApi = {
  list: (query: OrderQuery = {}, signal?: AbortSignal) =>
    apiRequest<OrderPage>(`/api/orders${queryString(query)}`, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    apiRequest<OrderDetail>(`/api/orders/${encodeURIComponent(id)}`, { signal }),
  /** Runs a lifecycle action; `version` is the order version you read (a stale one answers 409 STALE_VERSION). */
  act: (id: string, action: OrderAction, version: number, input: Record<string, unknown> = {}) =>
    apiRequest<ActedOrder>(`/api/orders/${encodeURIComponent(id)}/actions/${action}`, {
      method: "POST",
      body: { version, ...input },
    }),
  revealPhone: (id: string) =>
    apiRequest<{ phone: string }>(`/api/orders/${encodeURIComponent(id)}/reveal-phone`, { method: "POST" }),
  attachmentUrl: (orderId: string, attachmentId: string) =>
    `/api/orders/${encodeURIComponent(orderId)}/attachments/${encodeURIComponent(attachmentId)}`,

  /** Intake; reuse one `idempotencyKey` for every retry of the same submission. */
  submit: (submission: DemandSubmission, idempotencyKey: string) =>
    apiRequest<SubmittedOrder>("/api/demands", {
      method: "POST",
      body: submission,
      headers: { "Idempotency-Key": idempotencyKey },
    }),
  classify: (text: string, signal?: AbortSignal) =>
    apiRequest<Classification>("/api/classify", { method: "POST", body: { text }, signal }),
  duplicates: (body: { content: string; location?: PointInput; regionCode?: string }, signal?: AbortSignal) =>
    apiRequest<{ items: DuplicateSuggestion[] }>("/api/demands/duplicates", { method: "POST", body, signal }),
  channels: (signal?: AbortSignal) => apiRequest<{ items: ChannelInfo[] }>("/api/channels", { signal }),
  categories: (signal?: AbortSignal) =>
    apiRequest<{ items: CategoryNode[] }>("/api/categories?active=true", { signal }),
  routingSuggest: (category: string, region: string, signal?: AbortSignal) =>
    apiRequest<RoutingSuggestion>(`/api/routing/suggest${queryString({ category, region })}`, { signal }),
  units: (signal?: AbortSignal) => apiRequest<{ items: Unit[] }>("/api/units", { signal }),
  locate: (point: { lng: number; lat: number; crs?: Crs }, signal?: AbortSignal) =>
    apiRequest<Located>(`/api/locate${queryString(point)}`, { signal }),

  /** Public: track by order number and the tracking code on the receipt. */
  track: (orderNo: string, code: string, signal?: AbortSignal) =>
    apiRequest<TrackResult>(`/api/track${queryString({ orderNo, code })}`, {
      signal,
      quietUnauthenticated: true,
    }),
  /** The operator's caller lookup: earlier demands from the same phone. */
  callerOrders: (phone: string, signal?: AbortSignal) =>
    apiRequest<{ items: Order[] }>(`/api/callers/orders${queryString({ phone })}`, { signal }),
  /** Public: the return-visit link. */
  visitLink: (token: string, signal?: AbortSignal) =>
    apiRequest<VisitLink>(`/api/visits/${encodeURIComponent(token)}`, { signal, quietUnauthenticated: true }),
  rate: (token: string, rating: VisitRating) =>
    apiRequest<{ orderNo: string; state: string }>(`/api/visits/${encodeURIComponent(token)}`, {
      method: "POST",
      body: rating,
      quietUnauthenticated: true,
    }),
};

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; plain-http deployments fall back). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function" && window.isSecureContext) {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** How many orders match: one row is fetched, the total read. */
export async function countOrders(query: OrderQuery, signal?: AbortSignal): Promise<number> {
  return (await ordersApi.list({ ...query, page: 1, pageSize: 1 }, signal)).total;
}
