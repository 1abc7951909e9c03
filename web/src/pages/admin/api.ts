import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import type { ApiBody, ApiQuery, GridCollection } from "../../api/types";
import type { CategoryNode, HandlingLevel, Unit } from "../../components/orders";

export interface CatalogueRow {
  id: number;
  categoryCode: string;
  categoryName: string | null;
  regionCode: string | null;
  regionName: string | null;
  handlingLevel: HandlingLevel;
  unit: { id: number; name: string } | null;
  assistingUnits: Array<{ id: number; name: string }>;
}

export type CatalogueInput = ApiBody<"/api/catalogue">;

export interface TimeLimitRule {
  categoryPrefix: string | null;
  type: string | null;
  urgent: boolean;
  responseMinutes: number;
  handling: { unit: "working_days" | "calendar_hours"; amount: number };
}

export interface CalendarDay {
  day: string;
  kind: "holiday" | "workday";
  name: string;
  source: "official" | "admin";
}

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  regionCode: string | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  phone: string | null;
  active: boolean;
}

export interface GridImportReport {
  dryRun: boolean;
  imported: number;
  replaced: number;
  errors: Array<{ index: number | null; code: string | null; messages: string[] }>;
}

export type AdminUnit = Unit & { active?: boolean };

/** An Open311 client's key as listed: never the key itself, only its last characters. */
export interface Open311Key {
  id: number;
  name: string;
  hint: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  requests: number;
}

/** The admin endpoints (categories, catalogue, time limits, holidays, units, users, grid import). */
export const adminApi = {
  categories: (signal?: AbortSignal) => apiRequest<{ items: CategoryNode[] }>("/api/categories", { signal }),
  createCategory: (body: ApiBody<"/api/categories">) =>
    apiRequest<CategoryNode>("/api/categories", { method: "POST", body }),
  updateCategory: (code: string, body: ApiBody<"/api/categories/{code}", "patch">) =>
    apiRequest<CategoryNode>(`/api/categories/${code}`, { method: "PATCH", body }),

  catalogue: (category: string | undefined, signal?: AbortSignal) =>
    apiRequest<{ items: CatalogueRow[] }>(`/api/catalogue${queryString({ category })}`, { signal }),
  createCatalogue: (body: CatalogueInput) =>
    apiRequest<CatalogueRow>("/api/catalogue", { method: "POST", body }),
  updateCatalogue: (id: number, body: ApiBody<"/api/catalogue/{id}", "patch">) =>
    apiRequest<CatalogueRow>(`/api/catalogue/${id}`, { method: "PATCH", body }),
  deleteCatalogue: (id: number) => apiRequest<void>(`/api/catalogue/${id}`, { method: "DELETE" }),

  open311Keys: (signal?: AbortSignal) =>
    apiRequest<{ jurisdictionId: string; items: Open311Key[] }>("/api/open311/keys", { signal }),
  issueOpen311Key: (name: string) =>
    apiRequest<{ id: number; name: string; key: string; hint: string }>("/api/open311/keys", {
      method: "POST",
      body: { name },
    }),
  revokeOpen311Key: (id: number) => apiRequest<void>(`/api/open311/keys/${id}/revoke`, { method: "POST" }),

  timeLimits: (signal?: AbortSignal) =>
    apiRequest<{ items: TimeLimitRule[] }>("/api/time-limits", { signal }),
  replaceTimeLimits: (rules: TimeLimitRule[]) =>
    apiRequest<{ items: TimeLimitRule[] }>("/api/time-limits", { method: "PUT", body: { rules } }),

  holidays: (year: number, signal?: AbortSignal) =>
    apiRequest<{ year: number; officialYears?: number[]; items: CalendarDay[] }>(
      `/api/holidays${queryString({ year })}`,
      {
        signal,
      },
    ),
  addHoliday: (body: ApiBody<"/api/holidays">) =>
    apiRequest<CalendarDay>("/api/holidays", { method: "POST", body }),
  deleteHoliday: (day: string) => apiRequest<void>(`/api/holidays/${day}`, { method: "DELETE" }),

  units: (signal?: AbortSignal) =>
    apiRequest<{ items: AdminUnit[] }>("/api/units?includeInactive=true", { signal }),
  createUnit: (body: ApiBody<"/api/units">) => apiRequest<AdminUnit>("/api/units", { method: "POST", body }),
  updateUnit: (id: number, body: ApiBody<"/api/units/{id}", "patch">) =>
    apiRequest<AdminUnit>(`/api/units/${id}`, { method: "PATCH", body }),

  users: (query: ApiQuery<"/api/users">, signal?: AbortSignal) =>
    apiRequest<{ total: number; items: AdminUser[] }>(`/api/users${queryString(query)}`, { signal }),
  createUser: (body: ApiBody<"/api/users">) =>
    apiRequest<{ id: number }>("/api/users", { method: "POST", body }),
  updateUser: (id: number, body: ApiBody<"/api/users/{id}", "patch">) =>
    apiRequest<void>(`/api/users/${id}`, { method: "PATCH", body }),

  grids: (signal?: AbortSignal) => apiRequest<GridCollection>("/api/grids", { signal }),
  importGrids: (collection: unknown, options: { dryRun: boolean; crs: "wgs84" | "gcj02" }) =>
    apiRequest<GridImportReport>(`/api/grids/import${queryString(options)}`, {
      method: "POST",
      body: collection,
    }),
};

/** One audit log entry as GET /api/audit presents it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  client: string | null;
  before: unknown;
  after: unknown;
}

/** The log's filters: an action code or a group prefix (`config.`), China days from–to inclusive. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

export const auditApi = {
  search: (filter: AuditFilter, page: { page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<{ total: number; items: AuditEntry[] }>(`/api/audit${queryString({ ...filter, ...page })}`, {
      signal,
    }),
  exportUrl: (filter: AuditFilter) => `/api/audit/export.xlsx${queryString(filter)}`,
};
