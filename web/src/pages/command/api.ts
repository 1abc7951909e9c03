import { apiRequest } from "../../api/client";
import { isMissingEndpoint, queryString } from "../../api/query";

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
