import type { FastifyInstance, FastifyRequest } from "fastify";
import { fail } from "../platform/errors.js";

/** Deeper JSON than this is refused before anything walks, hashes or stores it. */
export const MAX_JSON_DEPTH = 32;
/** Bodies a stranger may send (sign-in, rating links); signed-in users keep the app-wide limit. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

/**
 * C0 controls but tab, line feed and carriage return, DEL, and unpaired surrogates. PostgreSQL
 * refuses NUL in text (a 500 before), and none of these is ever typed by a person: refused with 400
 * rather than stripped, so that what is stored is exactly what was sent.
 */
const FORBIDDEN_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * What every request passes before a route sees it: cross-site and non-JSON state changes refused
 * (CSRF), bodies of strangers kept small, no control characters or over-deep JSON in any input, and
 * API answers never cached.
 */
export function installEdgeChecks(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (!isApi(request) || !STATE_CHANGING.has(request.method)) return;
    // Open311 clients post forms from anywhere, with an API key and never a session (see access.ts).
    if (isOpen311(request)) return refuseOtherThan(request, ["application/x-www-form-urlencoded", JSON_TYPE]);
    refuseCrossSite(request);
    refuseNonJson(request);
  });
  app.addHook("preValidation", async (request) => {
    if (!isApi(request)) return;
    for (const [where, value] of [
      ["body", request.body],
      ["querystring", request.query],
      ["params", request.params],
    ] as const) {
      const problem = inputProblem(value);
      if (problem) throw fail("VALIDATION_FAILED", { detail: `${where}: ${problem}` });
    }
  });
  // After validation: Ajv coerces the text "Infinity" (or "1e400") to Infinity and then skips minimum
  // and maximum, which it compares only for finite numbers; no such number may reach a route.
  app.addHook("preHandler", async (request) => {
    if (!isApi(request)) return;
    for (const [where, value] of [
      ["body", request.body],
      ["querystring", request.query],
      ["params", request.params],
    ] as const) {
      if (holdsNonFiniteNumber(value))
        throw fail("VALIDATION_FAILED", { detail: `${where}: numbers must be finite` });
    }
  });
  app.addHook("onSend", async (request, reply) => {
    if (isApi(request) && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || isOpen311(request);
}

export function isOpen311(request: { url: string }): boolean {
  return request.url.startsWith("/open311/");
}

/**
 * A browser names where a request comes from: a state change from another site is refused, whatever
 * cookie it carries. Clients that send neither header (curl, tests, other servers) hold no cookie of a
 * user's browser and pass.
 */
function refuseCrossSite(request: FastifyRequest): void {
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site") throw fail("FORBIDDEN");
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (hostOf(origin) !== hostOf(`${request.protocol}://${request.host}`)) throw fail("FORBIDDEN");
}

/** host[:port] with the scheme's default port dropped, or null when it is no URL. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * State changes take JSON, or nothing at all with no content type: a cross-site HTML form can send
 * only form-encoded, multipart or text/plain bodies, so none of them reaches a route.
 */
function refuseNonJson(request: FastifyRequest): void {
  refuseOtherThan(request, [JSON_TYPE]);
}

const JSON_TYPE = "application/json";

/** A body only of the given types, or no body at all with no content type. */
function refuseOtherThan(request: FastifyRequest, types: readonly string[]): void {
  const type = request.headers["content-type"];
  if (type === undefined) {
    const length = Number(request.headers["content-length"] ?? 0);
    if (length > 0 || request.headers["transfer-encoding"])
      throw fail("UNSUPPORTED_FILE", { type: "content-type" });
    return;
  }
  const essence = type.split(";")[0].trim().toLowerCase();
  if (!types.includes(essence)) throw fail("UNSUPPORTED_FILE", { type: essence || "content-type" });
}

/** Why a parsed input is refused, or null; iterative, so no depth of nesting can overflow the stack. */
export function inputProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current === "string") {
      if (FORBIDDEN_CHARACTERS.test(current)) return "control characters are not allowed";
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels`;
    for (const [key, child] of Object.entries(current)) {
      if (FORBIDDEN_CHARACTERS.test(key)) return "control characters are not allowed";
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

/** Whether a validated input holds Infinity, -Infinity or NaN anywhere (its depth is already bounded). */
export function holdsNonFiniteNumber(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === "number" && !Number.isFinite(current)) return true;
    if (current !== null && typeof current === "object")
      for (const child of Object.values(current)) stack.push(child);
  }
  return false;
}
