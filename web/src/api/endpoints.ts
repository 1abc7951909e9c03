import { apiRequest } from "./client";
import type {
  ApiBody,
  ApiQuery,
  AppConfig,
  GridCollection,
  Health,
  Me,
  RegionDetail,
  RegionSummary,
} from "./types";

export const api = {
  login: (credentials: ApiBody<"/api/auth/login">) =>
    apiRequest<{ user: Me }>("/api/auth/login", { method: "POST", body: credentials }),
  /** 手机号登录: sends a one-time code (202 with where it went, masked). */
  phoneCode: (body: ApiBody<"/api/auth/phone/code">) =>
    apiRequest<{ sentTo: string; expiresInSeconds: number }>("/api/auth/phone/code", {
      method: "POST",
      body,
    }),
  phoneSignIn: (body: ApiBody<"/api/auth/phone/sign-in">) =>
    apiRequest<{ user: Me; created: boolean; linkedOrders: number }>("/api/auth/phone/sign-in", {
      method: "POST",
      body,
    }),
  logout: () => apiRequest<void>("/api/auth/logout", { method: "POST" }),
  me: (signal?: AbortSignal) => apiRequest<Me>("/api/me", { signal, quietUnauthenticated: true }),
  config: (signal?: AbortSignal) => apiRequest<AppConfig>("/api/config", { signal }),
  health: (signal?: AbortSignal) => apiRequest<Health>("/api/health", { signal }),
  regions: (query: ApiQuery<"/api/regions"> = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams(query as Record<string, string>).toString();
    return apiRequest<{ items: RegionSummary[] }>(`/api/regions${params ? `?${params}` : ""}`, { signal });
  },
  region: (code: string, signal?: AbortSignal) =>
    apiRequest<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
  grids: (within?: string, signal?: AbortSignal) =>
    apiRequest<GridCollection>(`/api/grids${within ? `?within=${encodeURIComponent(within)}` : ""}`, {
      signal,
    }),
};
