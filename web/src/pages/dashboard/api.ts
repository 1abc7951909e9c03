import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";

export interface Summary {
  period: string;
  newToday: number;
  open: number;
  overdue: number;
  closed: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export interface TrendMonth {
  month: string;
  created: number;
  closed: number;
  overdue: number;
}

export interface AssessmentRow {
  key: string;
  name: string;
  rank: number | null;
  score: number | null;
  /** 数据不足: too few due orders or return visits; no score and no rank. */
  insufficient: boolean;
  supervisionDeduction: number;
  dispatched: number;
  responseRate: number | null;
  onTimeRate: number | null;
  closeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  reopenRate: number | null;
  returnRate: number | null;
  supervisionCount: number;
}

export type AssessmentLevel = "street" | "community" | "unit";

/**
 * The composite score's weights (四率, summing to 100), what partial answers count for, the 督办
 * deduction and the sample a row needs to be scored.
 */
export interface AssessmentWeights {
  response: number;
  onTime: number;
  resolution: number;
  satisfaction: number;
  partialWeight: number;
  basicWeight: number;
  supervisionPenalty: number;
  supervisionCap: number;
  minSample: number;
}

/** The dashboard and assessment endpoints (GET /api/dashboard/*, /api/assessment). */
export const dashboardApi = {
  summary: (period: string, signal?: AbortSignal) =>
    apiRequest<Summary>(`/api/dashboard/summary${queryString({ period })}`, { signal }),
  trend: (months: number, signal?: AbortSignal) =>
    apiRequest<{ months: TrendMonth[] }>(`/api/dashboard/trend${queryString({ months })}`, { signal }),
  categories: (period: string, signal?: AbortSignal) =>
    apiRequest<{ items: Array<{ code: string | null; name: string; count: number }> }>(
      `/api/dashboard/categories${queryString({ period })}`,
      { signal },
    ),
  channels: (period: string, signal?: AbortSignal) =>
    apiRequest<{ items: Array<{ channel: string; name: string; count: number }> }>(
      `/api/dashboard/channels${queryString({ period })}`,
      { signal },
    ),
  heat: (period: string, signal?: AbortSignal) =>
    apiRequest<{
      items: Array<{ gridCode: string; name: string | null; total: number; open: number; overdue: number }>;
    }>(`/api/dashboard/heat${queryString({ period })}`, { signal }),
  weights: (signal?: AbortSignal) => apiRequest<AssessmentWeights>("/api/assessment/settings", { signal }),
  saveWeights: (weights: AssessmentWeights) =>
    apiRequest<AssessmentWeights>("/api/assessment/settings", { method: "PUT", body: weights }),
  reportUrl: (period: string) => `/api/assessment/report.xlsx${queryString({ period })}`,
  assessment: (level: AssessmentLevel, period: string, signal?: AbortSignal) =>
    apiRequest<{ period: string; level: string; weights: AssessmentWeights; rows: AssessmentRow[] }>(
      `/api/assessment${queryString({ level, period })}`,
      {
        signal,
      },
    ),
};
