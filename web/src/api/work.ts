import type { OrderQuery } from "../components/orders";
import { apiRequest } from "./client";

/** One count of the 工作台 and the list it opens (GET /api/work). */
export type WorkTile =
  | { key: string; kind: "orders"; tone: "default" | "warning" | "danger"; count: number; query: OrderQuery }
  | { key: "warnings"; kind: "warnings"; tone: "warning"; count: number };

export const workApi = {
  tiles: (signal?: AbortSignal) => apiRequest<{ tiles: WorkTile[] }>("/api/work", { signal }),
};
