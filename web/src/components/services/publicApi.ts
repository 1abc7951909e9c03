import { apiRequest } from "../../api/client";
import type { ApiQuery, ApiResponse, GridCollection } from "../../api/types";

export type ProjectArea =
  | "employment"
  | "schooling"
  | "transport"
  | "elderly"
  | "housing"
  | "environment"
  | "health";

export interface PublicProject {
  id: number;
  version: number;
  publishedAt: string;
  title: string;
  area: ProjectArea;
  goal: string;
  owner: string;
  progress: number;
  milestones: { title: string; due: string; done: boolean }[];
  photoIds: string[];
  history: { version: number; publishedAt: string; progress: number }[];
}

export interface DemandMap {
  days: number;
  categories: { code: string; name: string; nameEn: string | null }[];
  counts: { grid: string; category: string; open: number; closed: number }[];
  grids: GridCollection;
}

export type PublicTopic = ApiResponse<"/api/public/topics">["items"][number];
export type PublicRates = ApiResponse<"/api/public/rates">;
export type AreaRates = PublicRates["district"];

/** What the district publishes, read with no sign-in. */
export const publicApi = {
  projects: (signal?: AbortSignal) =>
    apiRequest<{ items: PublicProject[] }>("/api/public/projects", { signal }),
  project: (id: string, signal?: AbortSignal) =>
    apiRequest<PublicProject>(`/api/public/projects/${encodeURIComponent(id)}`, { signal }),
  photoUrl: (id: string) => `/api/public/photos/${encodeURIComponent(id)}`,
  demandMap: (signal?: AbortSignal) => apiRequest<DemandMap>("/api/public/demand-map", { signal }),
  topics: (signal?: AbortSignal) => apiRequest<{ items: PublicTopic[] }>("/api/public/topics", { signal }),
  rates: (query: ApiQuery<"/api/public/rates">, signal?: AbortSignal) =>
    apiRequest<PublicRates>(`/api/public/rates${query.month ? `?month=${query.month}` : ""}`, { signal }),
};
