import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeclaredRoute } from "../../src/http/access.js";
import { hasPermission } from "../../src/platform/auth/permissions.js";
import { DEMO_PASSWORD } from "../../src/seed/demo-accounts.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { DEMO_CALLERS } from "../helpers/demo-callers.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/**
 * The authorization matrix, generated from the route table: every registered /api route × every demo
 * role and a stranger × (for routes naming an order, a user or a region) one inside and one outside
 * the caller's jurisdiction. The expected answer comes from the route's declared access:
 * - a stranger on a non-public route: 401;
 * - a role without the declared permission: 403;
 * - a role with it, on something outside its jurisdiction: never a 2xx;
 * - and never a 5xx, for anyone.
 * Bodies are empty JSON objects: the point is who gets past the door, not what they may do inside.
 */
const CALLERS = DEMO_CALLERS;
type Caller = (typeof CALLERS)[number];

/** Live streams never end; their denials are checked, a permitted caller is not kept waiting. */
const STREAMS = new Set(["GET /api/events/stream"]);

interface Account {
  cookie: string;
  role: Parameters<typeof hasPermission>[0];
  regionCode: string | null;
  unitRegionCode: string | null;
  address: string;
}

let t: TestApp;
const accounts = new Map<string, Account>();
/** The objects a scoped parameter names: near (in the gridworker's grid) and far (another street). */
const objects = {
  order: { near: "", far: "", nearRegion: "", farRegion: "" },
  user: { near: "", far: "", nearRegion: "", farRegion: "" },
  region: { near: "", far: "", nearRegion: "", farRegion: "" },
};

async function signIn(username: string, address: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
    remoteAddress: address,
  });
  expect(response.statusCode, response.body).toBe(200);
  const session = response.cookies.find((c) => c.name === "minhu_session");
  return `minhu_session=${session?.value}`;
}

beforeAll(async () => {
  t = await createTestApp();
  const nearGrid = await regionOf(t, "gridworker");
  const farGrid = (
    await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "grid")
      .where("code", "not like", `${nearGrid.slice(0, 9)}%`)
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
  const demand = async (user: string, grid: string) => {
    const response = await submit(t, user, {
      channel: user === "resident" ? "online" : "12345",
      ...(user === "resident" ? {} : { channelFields: { workOrderNo: `W${grid}` } }),
      content: "小区门口道路破损严重，雨天积水，请尽快修复",
      location: await pointInGrid(t, grid),
      caller: { name: "王先生", phone: "13700002222" },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  objects.order = {
    near: await demand("resident", nearGrid),
    far: await demand("operator", farGrid),
    nearRegion: nearGrid,
    farRegion: farGrid,
  };
  const userIn = async (username: string) =>
    String(
      (
        await t.ctx.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", username)
          .executeTakeFirstOrThrow()
      ).id,
    );
  const farWorker = await t.ctx.db
    .selectFrom("users")
    .select("username")
    .where("role", "=", "grid_worker")
    .where("region_code", "=", farGrid)
    .executeTakeFirstOrThrow();
  objects.user = {
    near: await userIn("gridworker"),
    far: await userIn(farWorker.username),
    nearRegion: nearGrid,
    farRegion: farGrid,
  };
  objects.region = { near: nearGrid, far: farGrid, nearRegion: nearGrid, farRegion: farGrid };
  for (const [i, username] of CALLERS.entries()) {
    if (!username) continue;
    const row = await t.ctx.db
      .selectFrom("users")
      .leftJoin("units", "units.id", "users.unit_id")
      .select(["users.role", "users.region_code", "units.region_code as unit_region_code"])
      .where("users.username", "=", username)
      .executeTakeFirstOrThrow();
    // Each caller from its own address, so the sign-in and rating-link throttles count them apart.
    const address = `10.99.${i}.1`;
    accounts.set(username, {
      cookie: await signIn(username, address),
      role: row.role,
      regionCode: row.region_code,
      unitRegionCode: row.unit_region_code,
      address,
    });
  }
}, 300_000);
afterAll(() => t.close());

/** Which kind of object a route's first parameter names, if its answer depends on jurisdiction. */
function scopedObject(route: DeclaredRoute): keyof typeof objects | null {
  if (route.url.startsWith("/api/orders/:id")) return "order";
  if (route.url.startsWith("/api/users/:id")) return "user";
  if (route.url.startsWith("/api/regions/:code")) return "region";
  return null;
}

/** A value for every other parameter: well-formed where cheap, so requests reach the handler. */
const FILLERS: Record<string, string> = {
  attachmentId: "1",
  code: "01",
  day: "2026-10-01",
  token: "A".repeat(43),
  ledger: "x",
  list: "x",
  name: "x",
  id: "1",
};

function urlOf(route: DeclaredRoute, scoped: string | null): string {
  let first = scoped !== null;
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (first) {
      first = false;
      return scoped as string;
    }
    return FILLERS[name] ?? "x";
  });
}

/**
 * Whether a caller's jurisdiction takes in an object in a region. Residents: only their own demands.
 * Unit handlers: the orders given to their unit (neither far one is), and the map of their unit's area.
 */
function covers(account: Account, kind: keyof typeof objects, region: string): boolean {
  if (account.role === "resident") return false;
  if (account.role === "unit_handler")
    return kind === "region" && account.unitRegionCode !== null && region.startsWith(account.unitRegionCode);
  return account.regionCode !== null && region.startsWith(account.regionCode);
}

interface Case {
  route: DeclaredRoute;
  caller: Caller;
  where: "near" | "far" | null;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const route of t.app.routeTable)
    for (const caller of CALLERS) {
      const scoped = scopedObject(route);
      for (const where of scoped ? (["near", "far"] as const) : [null]) all.push({ route, caller, where });
    }
  return all;
}

/** What the route's declared access (and the caller's jurisdiction) says the answer must be. */
function expectation({ route, caller, where }: Case): string {
  const account = caller ? accounts.get(caller) : undefined;
  if (route.access === "public") return "any but 5xx";
  if (!account) return "401";
  if (route.access !== "authenticated" && !hasPermission(account.role, route.access)) return "403";
  const scoped = scopedObject(route);
  if (scoped && where === "far" && !covers(account, scoped, objects[scoped].farRegion))
    return "no 2xx, no 5xx";
  return "any but 401, 5xx";
}

function meets(expected: string, status: number): boolean {
  if (status >= 500) return false;
  if (expected === "401") return status === 401;
  if (expected === "403") return status === 403;
  if (expected === "no 2xx, no 5xx") return status < 200 || status >= 300;
  if (expected === "any but 401, 5xx") return status !== 401;
  return true;
}

describe("authorization matrix", () => {
  it("every route × every role × in and out of jurisdiction answers as its declared access says", async () => {
    expect(t.app.routeTable.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    let requests = 0;
    for (const c of cases()) {
      const expected = expectation(c);
      const key = `${c.route.method} ${c.route.url}`;
      if (STREAMS.has(key) && expected.startsWith("any")) continue;
      const account = c.caller ? accounts.get(c.caller) : undefined;
      const scoped = scopedObject(c.route);
      const url = urlOf(c.route, scoped && c.where ? objects[scoped][c.where] : null);
      const hasBody = c.route.method !== "GET" && c.route.method !== "DELETE";
      const response = await t.app.inject({
        method: c.route.method as "GET",
        url,
        headers: {
          ...(account ? { cookie: account.cookie } : {}),
          ...(hasBody ? { "content-type": "application/json" } : {}),
        },
        ...(hasBody ? { payload: "{}" } : {}),
        remoteAddress: account?.address ?? "10.99.200.1",
      });
      requests += 1;
      if (!meets(expected, response.statusCode))
        wrong.push(
          `${c.caller ?? "anonymous"} ${c.route.method} ${url} (${c.where ?? "-"}): expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
        );
      // Signing out ends the caller's session: sign in again for the rest of the matrix.
      if (account && c.caller && key === "POST /api/auth/logout")
        account.cookie = await signIn(c.caller, account.address);
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 300_000);
});
