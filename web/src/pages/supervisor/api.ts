import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";

export type CheckerKind = "third_party" | "deputy" | "supervisor";

export interface SpotCheck {
  id: string;
  orderId: string;
  orderNo: string;
  title?: string;
  regionName?: string | null;
  checkerKind: CheckerKind;
  checkerName: string;
  result: "pass" | "fail";
  comment: string | null;
  recordedBy?: string | null;
  createdAt: string;
}

export interface SpotCheckPage {
  total: number;
  passed: number;
  failed: number;
  items: SpotCheck[];
}

/** 社会评价 spot checks: POST /api/orders/:id/spot-checks, GET /api/spot-checks. */
export const supervisionApi = {
  record: (
    orderId: string,
    input: { checkerKind: CheckerKind; checkerName: string; result: "pass" | "fail"; comment?: string },
  ) =>
    apiRequest<SpotCheck>(`/api/orders/${encodeURIComponent(orderId)}/spot-checks`, {
      method: "POST",
      body: input,
    }),
  list: (
    query: { period?: string; result?: "pass" | "fail"; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => apiRequest<SpotCheckPage>(`/api/spot-checks${queryString(query)}`, { signal }),
};
