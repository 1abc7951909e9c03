import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { cn, type Fixture, loadFixture } from "./fixture.js";

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await loadFixture(t);
  // Noon on 1 December: q1 was registered this morning; o4 is overdue since 11-25.
  t.setNow(cn("12-01 12:00"));
});
afterAll(() => t.close());

async function dashboard(user: string, path: string) {
  const response = await t.app.inject({
    url: `/api/dashboard/${path}`,
    headers: { cookie: await t.login(user) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("dashboard data for the command centre", () => {
  it("summary: today's, open and overdue orders now, closed and the three rates of the period", async () => {
    expect(await dashboard("admin", "summary?period=2026-11")).toEqual({
      period: "2026-11",
      newToday: 1, // q1
      open: 7, // o3 o4 o5 o7 o9 o10 q1
      overdue: 1, // o4: due 11-25, no reply
      closed: 6, // o1 o2 o6 o8 p1 p2
      responseRate: 88.89, // 8 / 9
      resolutionRate: 78.57, // (5 + 0.5) / 7
      satisfactionRate: 80, // (4 + 2 × 0.8) / 7
    });
  });

  it("summary defaults to this month (China time)", async () => {
    // December so far: q1 dispatched at 07:00 and not yet signed; no visits.
    expect(await dashboard("admin", "summary")).toMatchObject({
      period: "2026-12",
      closed: 0,
      responseRate: 0,
      resolutionRate: null,
      satisfactionRate: null,
    });
  });

  it("trend: created, closed and late orders per month, oldest first", async () => {
    expect(await dashboard("supervisor", "trend?months=3")).toEqual({
      months: [
        { month: "2026-10", created: 2, closed: 0, overdue: 0 },
        // Late: o2 replied after its deadline, o4 not replied by it.
        { month: "2026-11", created: 10, closed: 6, overdue: 2 },
        { month: "2026-12", created: 1, closed: 0, overdue: 0 },
      ],
    });
  });

  it("categories: orders registered in the period per top-level category", async () => {
    const { items } = await dashboard("admin", "categories?period=2026-11");
    expect(
      [...items].sort(
        (a: { count: number; code: string | null }, b: { count: number; code: string | null }) =>
          b.count - a.count || String(a.code).localeCompare(String(b.code)),
      ),
    ).toEqual([
      { code: "05", name: "劳动社保", count: 6 },
      { code: "01", name: "城乡建设", count: 2 },
      { code: "09", name: "公共安全", count: 1 },
      { code: null, name: "未分类", count: 1 },
    ]);
  });

  it("channels: orders registered in the period per channel", async () => {
    const { items } = await dashboard("admin", "channels?period=2026-11");
    expect(items).toEqual([
      { channel: "12345", name: "12345热线", count: 7 },
      { channel: "online", name: "线上集", count: 2 },
      { channel: "grid_patrol", name: "网格巡", count: 1 },
    ]);
  });

  it("heat: per grid, registered in the period and open / overdue now", async () => {
    const { items } = await dashboard("admin", "heat?period=2026-11");
    const grid = async (community: string) =>
      (
        await t.ctx.db
          .selectFrom("regions")
          .select("code")
          .where("parent_code", "=", community)
          .orderBy("code")
          .executeTakeFirstOrThrow()
      ).code;
    expect(
      items.map((i: Record<string, unknown>) => ({
        gridCode: i.gridCode,
        total: i.total,
        open: i.open,
        overdue: i.overdue,
      })),
    ).toEqual([
      { gridCode: await grid(f.C1), total: 5, open: 3, overdue: 0 },
      { gridCode: await grid(f.C2), total: 3, open: 4, overdue: 1 },
      { gridCode: await grid(f.C3), total: 2, open: 0, overdue: 0 },
    ]);
    expect(items[0].name).toEqual(expect.any(String));
  });
});

describe("dashboard jurisdiction", () => {
  it("shows a street's dispatcher its street only, and narrows to a community on request", async () => {
    const heat = await dashboard("street-dispatcher", "heat?period=2026-11");
    expect(heat.items.every((i: { gridCode: string }) => i.gridCode.startsWith(f.S1))).toBe(true);
    expect(heat.items).toHaveLength(2);
    expect(await dashboard("street-dispatcher", `summary?period=2026-11&region=${f.C2}`)).toMatchObject({
      open: 4,
      overdue: 1,
      closed: 0,
      responseRate: 100,
    });
  });

  it("refuses a region outside the jurisdiction", async () => {
    const response = await t.app.inject({
      url: `/api/dashboard/summary?region=${f.S2}`,
      headers: { cookie: await t.login("street-dispatcher") },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("OUTSIDE_SCOPE");
  });
});
