import { ApiError } from "./client";

/** `?a=1&b=x`, skipping undefined and empty values; arrays become comma-separated lists. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(","));
    } else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * True for the 404 of an endpoint the server does not have (yet): its message names the path
 * ("未找到/api/…"), unlike a missing record's.
 */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message.includes("/api/");
}
