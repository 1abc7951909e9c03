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

export const warningsApi = {
  /** One page of the jurisdiction's warnings; `available: false` where the server has no warnings yet. */
  list: async (query: { state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => {
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
  decide: (
    id: string,
    verb: "acknowledge" | "action" | "dismiss",
    decision: { note?: string; markCommon?: boolean } = {},
  ) =>
    apiRequest<unknown>(`/api/warnings/${encodeURIComponent(id)}/${verb}`, {
      method: "POST",
      body: verb === "acknowledge" ? {} : decision,
    }),
};
