import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import type { OrderQuery } from "../../components/orders";

/** One count of the 工作台 and the list it opens (GET /api/work). */
export type WorkTile =
  | { key: string; kind: "orders"; tone: "default" | "warning" | "danger"; count: number; query: OrderQuery }
  | { key: "warnings"; kind: "warnings"; tone: "warning"; count: number };

export interface UndecidedWarning {
  id: string;
  rule: string;
  title: string;
  region: { code: string; name: string | null };
  state: string;
  updatedAt: string;
}

export const workApi = {
  tiles: (signal?: AbortSignal) => apiRequest<{ tiles: WorkTile[] }>("/api/work", { signal }),
  /** The warnings the warnings tile counts: still open or only acknowledged. */
  warnings: (page: number, pageSize: number, signal?: AbortSignal) =>
    apiRequest<{ total: number; items: UndecidedWarning[] }>(
      `/api/warnings${queryString({ state: "undecided", page, pageSize })}`,
      { signal },
    ),
};
