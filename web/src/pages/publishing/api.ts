import { apiRequest } from "../../api/client";
import type { ApiBody, ApiResponse } from "../../api/types";

/** What a key project says, as the server validates a draft. */
export type KeyProject = ApiBody<"/api/publications">;
export type ProjectArea = KeyProject["area"];
/** An item as its editors see it: draft, status, the version the public sees. */
export type EditorItem = ApiResponse<"/api/publications">["items"][number];
export type PublicationStatus = EditorItem["status"];
/** One version with what it changed from the one before. */
export type EditorVersion = ApiResponse<"/api/publications/{id}/versions">["items"][number];
export type ProjectPart = EditorVersion["changed"][number];

export const PROJECT_AREAS: readonly ProjectArea[] = [
  "employment",
  "schooling",
  "transport",
  "elderly",
  "housing",
  "environment",
  "health",
];

const item = (id: number) => `/api/publications/${id}`;

/** 碑林发布 for its editors (publications.manage). */
export const publishingApi = {
  list: (signal?: AbortSignal) =>
    apiRequest<ApiResponse<"/api/publications">>("/api/publications", { signal }),
  create: (body: KeyProject) => apiRequest<{ id: number }>("/api/publications", { method: "POST", body }),
  update: (id: number, body: KeyProject) => apiRequest<{ id: number }>(item(id), { method: "PUT", body }),
  /** Now, or at `at` (ISO): the draft becomes the next version. */
  publish: (id: number, body: ApiBody<"/api/publications/{id}/publish">) =>
    apiRequest<{ id: number; version: number }>(`${item(id)}/publish`, { method: "POST", body }),
  retract: (id: number, body: ApiBody<"/api/publications/{id}/retract">) =>
    apiRequest<{ id: number }>(`${item(id)}/retract`, { method: "POST", body }),
  versions: (id: number, signal?: AbortSignal) =>
    apiRequest<ApiResponse<"/api/publications/{id}/versions">>(`${item(id)}/versions`, { signal }),
  addPhotos: (id: number, body: ApiBody<"/api/publications/{id}/photos">) =>
    apiRequest<{ ids: string[] }>(`${item(id)}/photos`, { method: "POST", body }),
  photoUrl: (photoId: string) => `/api/publications/photos/${encodeURIComponent(photoId)}`,
};
