import { apiRequest } from "../../api/client";
import { isMissingEndpoint, queryString } from "../../api/query";

/** Early warnings (研判预警), GET /api/warnings. */
export interface EarlyWarning {
  id: string;
  rule: "category_spike" | "repeat_caller" | "common_problem" | "due_soon" | string;
  region: { code: string; name: string | null };
  category: { code: string; name: string | null } | null;
  title: string;
  detail?: Record<string, unknown>;
  orderIds: string[];
  state: "open" | "acknowledged" | "actioned" | "dismissed";
  createdAt: string;
  /** The commands the signed-in user may take now (acknowledge, action, dismiss). */
  actions: string[];
}

/** Orders per grid, GET /api/dashboard/heat. */
export interface GridHeat {
  gridCode: string;
  open: number;
  overdue: number;
  total: number;
}

/** Reads the first numeric field among `names`. */
function pick(row: Record<string, unknown>, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = row[name];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return undefined;
}

function rowsOf(raw: unknown): Record<string, unknown>[] {
  if (Array.isArray(raw)) return raw as Record<string, unknown>[];
  if (raw && typeof raw === "object") {
    for (const name of ["items", "grids", "rows", "data"]) {
      const value = (raw as Record<string, unknown>)[name];
      if (Array.isArray(value)) return value as Record<string, unknown>[];
    }
  }
  return [];
}

export const commandApi = {
  /** null when the server does not offer the heat endpoint yet (the page then counts orders itself). */
  heat: async (
    query: { period?: string; from?: string; to?: string },
    signal?: AbortSignal,
  ): Promise<GridHeat[] | null> => {
    try {
      const raw = await apiRequest<unknown>(`/api/dashboard/heat${queryString(query)}`, { signal });
      return rowsOf(raw).map((row) => ({
        gridCode: String(row.gridCode ?? row.code ?? row.regionCode ?? row.grid ?? ""),
        open: pick(row, "open", "openCount", "opened") ?? 0,
        overdue: pick(row, "overdue", "overdueCount") ?? 0,
        total: pick(row, "total", "count", "orders", "demands", "value") ?? 0,
      }));
    } catch (error) {
      if (isMissingEndpoint(error)) return null;
      throw error;
    }
  },
  warnings: async (query: { state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => {
    try {
      const raw = await apiRequest<{ items?: EarlyWarning[]; total?: number } | EarlyWarning[]>(
        `/api/warnings${queryString(query)}`,
        { signal },
      );
      const items = Array.isArray(raw) ? raw : (raw.items ?? []);
      return {
        available: true as const,
        items,
        total: Array.isArray(raw) ? raw.length : (raw.total ?? items.length),
      };
    } catch (error) {
      if (isMissingEndpoint(error))
        return { available: false as const, items: [] as EarlyWarning[], total: 0 };
      throw error;
    }
  },
  /** 知悉 / 处置 / 排除; `markCommon` files a 共性问题 warning's orders in the 共性问题 ledger. */
  warningAction: (
    id: string,
    verb: "acknowledge" | "action" | "dismiss",
    decision: { note?: string; markCommon?: boolean } = {},
  ) =>
    apiRequest<unknown>(`/api/warnings/${encodeURIComponent(id)}/${verb}`, {
      method: "POST",
      body: verb === "acknowledge" ? {} : decision,
    }),
  /** KPI tiles; null when the endpoint is not there yet. */
  summary: async (
    period: string | undefined,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown> | null> => {
    try {
      return await apiRequest<Record<string, unknown>>(`/api/dashboard/summary${queryString({ period })}`, {
        signal,
      });
    } catch (error) {
      if (isMissingEndpoint(error)) return null;
      throw error;
    }
  },
};

export { pick };
