import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";

const BASE = "/api/integrations/12345";

export const CITY_FIELDS = [
  "workOrderNo",
  "callAt",
  "callerName",
  "phone",
  "content",
  "address",
  "type",
  "dueAt",
  "title",
] as const;
export type CityField = (typeof CITY_FIELDS)[number];

export interface Upload {
  source: string;
  fileName: string;
  /** base64 */
  content: string;
}

export interface HeaderPreview {
  headers: string[];
  rows: number;
  mapping: Record<CityField, string | null>;
  missing: CityField[];
}

export interface ImportRun {
  id: string;
  source: string;
  fileName: string;
  dryRun: boolean;
  state: "queued" | "running" | "done" | "failed";
  rowsTotal: number | null;
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  unplaced: number;
  invalid: number;
  error: string | null;
  problems?: {
    rowNo: number | null;
    workOrderNo: string | null;
    kind: string;
    reason: string;
    detail: string | null;
  }[];
}

export interface QueuedOrder {
  id: string;
  rowNo: number | null;
  workOrderNo: string | null;
  reason: string;
  detail: string | null;
  content: string;
  address: string | null;
  callerName: string | null;
  phone: string | null;
}

export type OutboxState = "pending" | "delivered" | "failed";

export interface OutboxMessage {
  id: string;
  topic: string;
  orderNo: string | null;
  payload: Record<string, string>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export const RESULT_TOPIC = "city-12345.result";

export const integrationsApi = {
  headers: (upload: Upload) => apiRequest<HeaderPreview>(`${BASE}/headers`, { method: "POST", body: upload }),
  saveMapping: (source: string, mapping: Partial<Record<CityField, string>>) =>
    apiRequest(`${BASE}/sources/${encodeURIComponent(source)}`, { method: "PUT", body: { mapping } }),
  startImport: (upload: Upload & { dryRun: boolean }) =>
    apiRequest<{ id: string }>(`${BASE}/imports`, { method: "POST", body: upload }),
  importRun: (id: string, signal?: AbortSignal) => apiRequest<ImportRun>(`${BASE}/imports/${id}`, { signal }),
  queue: (signal?: AbortSignal) =>
    apiRequest<{ total: number; items: QueuedOrder[] }>(`${BASE}/queue?limit=200`, { signal }),
  place: (id: string, gridCode: string) =>
    apiRequest<{ orderId: string; orderNo: string }>(`${BASE}/queue/${id}/place`, {
      method: "POST",
      body: { gridCode },
    }),
  outbox: (state: OutboxState | undefined, signal?: AbortSignal) =>
    apiRequest<{ counts: Record<OutboxState, number>; items: OutboxMessage[] }>(
      `/api/outbox${queryString({ state, topic: RESULT_TOPIC, limit: 200 })}`,
      { signal },
    ),
  retry: (ids: string[]) =>
    apiRequest<{ retried: number }>("/api/outbox/retry", { method: "POST", body: { ids } }),
  exportUrl: (state: OutboxState | undefined) =>
    `/api/outbox/export.xlsx${queryString({ topic: RESULT_TOPIC, state })}`,
};
