import { expect } from "vitest";
import type { TestApp } from "./app.js";

/** A point inside a grid, found by asking the locator (grids are not always convex). */
export async function pointInGrid(t: TestApp, gridCode: string): Promise<{ lng: number; lat: number }> {
  const row = await t.ctx.db
    .selectFrom("regions")
    .select(["min_lng", "min_lat", "max_lng", "max_lat"])
    .where("code", "=", gridCode)
    .executeTakeFirstOrThrow();
  for (let i = 1; i < 20; i++) {
    for (let j = 1; j < 20; j++) {
      const lng = (row.min_lng as number) + (((row.max_lng as number) - (row.min_lng as number)) * i) / 20;
      const lat = (row.min_lat as number) + (((row.max_lat as number) - (row.min_lat as number)) * j) / 20;
      if (t.ctx.regions.locate(lng, lat)?.grid.code === gridCode) return { lng, lat };
    }
  }
  throw new Error(`no point found in ${gridCode}`);
}

/** The region a demo account is scoped to. */
export async function regionOf(t: TestApp, username: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom("users")
    .select("region_code")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.region_code as string;
}

export async function unitId(t: TestApp, code: string): Promise<number> {
  return (await t.ctx.db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow())
    .id;
}

/** A category whose catalogue entry starts at a level (and, for district, names a department). */
export async function categoryAt(
  t: TestApp,
  level: "grid" | "community" | "street" | "district",
  unitCode?: string,
): Promise<string> {
  let query = t.ctx.db
    .selectFrom("dispatch_catalogue as d")
    .leftJoin("units as u", "u.id", "d.unit_id")
    .select("d.category_code")
    .where("d.handling_level", "=", level)
    .where("d.region_code", "is", null)
    .orderBy("d.category_code");
  if (unitCode) query = query.where("u.code", "=", unitCode);
  return (await query.executeTakeFirstOrThrow()).category_code;
}

export async function submit(
  t: TestApp,
  user: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const cookie = await t.login(user);
  return t.app.inject({
    method: "POST",
    url: "/api/demands",
    headers: { cookie, ...headers },
    payload: body,
  });
}

export async function getOrder(t: TestApp, user: string, id: string) {
  const cookie = await t.login(user);
  return t.app.inject({ url: `/api/orders/${id}`, headers: { cookie } });
}

/** Takes an action with the order's current version, as a client that just read it would. */
export async function act(
  t: TestApp,
  user: string,
  id: string,
  action: string,
  input: Record<string, unknown> = {},
) {
  const version = (
    await t.ctx.db.selectFrom("orders").select("version").where("id", "=", id).executeTakeFirstOrThrow()
  ).version;
  const cookie = await t.login(user);
  return t.app.inject({
    method: "POST",
    url: `/api/orders/${id}/actions/${action}`,
    headers: { cookie },
    payload: { version, ...input },
  });
}

/** Like `act`, but the action must succeed; returns the order as presented. */
export async function must(
  t: TestApp,
  user: string,
  id: string,
  action: string,
  input: Record<string, unknown> = {},
) {
  const response = await act(t, user, id, action, input);
  expect(response.statusCode, `${user} ${action}: ${response.body}`).toBe(200);
  return response.json();
}

export async function stateOf(
  t: TestApp,
  id: string,
): Promise<{ state: string; version: number; events: number }> {
  const order = await t.ctx.db
    .selectFrom("orders")
    .select(["state", "version"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const events = await t.ctx.db
    .selectFrom("order_events")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("order_id", "=", id)
    .executeTakeFirstOrThrow();
  return { state: order.state, version: order.version, events: Number(events.n) };
}

export const REPLY = { disposition: "solved", text: "已安排人员现场处理完毕，问题已解决。" };
export const SATISFIED = { solved: "solved", satisfied: "satisfied", comment: "处理及时，很满意" };
export const UNSATISFIED = { solved: "unsolved", satisfied: "unsatisfied", comment: "问题还在" };
