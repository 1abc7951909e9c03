export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** How long the server asks to wait before trying again (its Retry-After header), if it said. */
  readonly retryAfterSeconds: number | null;
  /** Where the request was wrong, when the server said (schema errors: Ajv's, by instancePath). */
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    retryAfterSeconds: number | null = null,
    details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details;
  }
}

let acceptLanguage = "zh-CN";
const unauthenticatedListeners = new Set<() => void>();

export function setApiLanguage(locale: string): void {
  acceptLanguage = locale;
}

/** Called whenever a request (other than the session probe) answers 401, e.g. after the session expired. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Do not broadcast a 401 to the session listeners (used by the session probe itself). */
  quietUnauthenticated?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === "object" && "code" in body) {
    const { code, message, details } = body as { code: unknown; message?: unknown; details?: unknown };
    const retryAfter = Number(response.headers.get("retry-after"));
    return new ApiError(
      response.status,
      String(code),
      typeof message === "string" ? message : String(code),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      details,
    );
  }
  return new ApiError(response.status, "HTTP_ERROR", `HTTP ${response.status} ${response.statusText}`.trim());
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK_ERROR", cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.quietUnauthenticated) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
