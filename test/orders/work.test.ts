import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertWarnings } from "../../src/modules/warning/repository.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";

/**
 * 工作台 (issue 10, finding 11): each role's home counts its work, and every count is the total of
 * the list it opens (GET /api/orders with the tile's query, GET /api/warnings?state=undecided).
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const point = await pointInGrid(t, await regionOf(t, "gridworker"));
  const rsj = await unitId(t, "rsj");
  const district = await categoryAt(t, "district", "rsj");
  const street = await categoryAt(t, "street");
  const file = async (categoryCode: string, n: number) => {
    const response = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: `W${n}` },
      content: `第${n}件：公司拖欠工资三个月，路口井盖松动，请尽快处理`,
      categoryCode,
      location: point,
      caller: { name: "钱先生", phone: `1370000${String(n).padStart(4, "0")}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  // District: one waiting to be accepted, one accepted, three dispatched to 人社局 (one signed).
  await file(district, 1);
  const accepted = await file(district, 2);
  await must(t, "district-dispatcher", accepted, "accept");
  const sent: string[] = [];
  for (const n of [3, 4, 5]) {
    const id = await file(district, n);
    await must(t, "district-dispatcher", id, "accept");
    await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
    sent.push(id);
  }
  await must(t, "rsj-handler", sent[0], "sign");
  // Street: one waiting at 南院门街道.
  await file(street, 6);
  // One overdue and under supervision, one due soon (yellow).
  const past = new Date(t.ctx.now().getTime() - 3_600_000);
  await t.ctx.db
    .updateTable("orders")
    .set({ handling_due_at: past, supervised_at: past })
    .where("id", "=", sent[1])
    .execute();
  await t.ctx.db.updateTable("orders").set({ warning_level: "yellow" }).where("id", "=", sent[2]).execute();
  await upsertWarnings(
    t.ctx.db,
    [
      {
        rule: "repeat_caller",
        scope: "repeat_caller:work-test",
        dedupeKey: "repeat_caller:work-test:1",
        regionCode: await regionOf(t, "gridworker"),
        categoryCode: null,
        title: "同一来电人多次反映",
        detail: {},
        orderIds: [sent[0]],
      },
    ],
    t.ctx.now(),
  );
});
afterAll(() => t.close());

interface Tile {
  key: string;
  kind: "orders" | "warnings";
  count: number;
  query?: Record<string, string[] | boolean | string>;
}

async function tilesOf(user: string): Promise<Tile[]> {
  const response = await t.app.inject({ url: "/api/work", headers: { cookie: await t.login(user) } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().tiles;
}

/** The list a tile opens, as the web app asks for it. */
async function listTotal(user: string, tile: Tile): Promise<number> {
  const params = new URLSearchParams({ page: "1", pageSize: "1" });
  if (tile.kind === "warnings") params.set("state", "undecided");
  for (const [name, value] of Object.entries(tile.query ?? {}))
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  const path = tile.kind === "warnings" ? "/api/warnings" : "/api/orders";
  const response = await t.app.inject({
    url: `${path}?${params}`,
    headers: { cookie: await t.login(user) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total;
}

const ROLES = [
  "district-dispatcher",
  "street-dispatcher",
  "community-dispatcher",
  "street-staff",
  "rsj-handler",
  "gridworker",
  "operator",
  "supervisor",
  "leader",
  "admin",
];

describe("every role's home", () => {
  it.each(ROLES)("%s: each count equals the total of the list it opens", async (user) => {
    const tiles = await tilesOf(user);
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles) expect([tile.key, await listTotal(user, tile)]).toEqual([tile.key, tile.count]);
  });

  it("counts each role's own work", async () => {
    const counts = async (user: string) =>
      Object.fromEntries((await tilesOf(user)).map((tile) => [tile.key, tile.count]));
    // The district's jurisdiction holds the street's order too (its command page lists it as well).
    expect(await counts("district-dispatcher")).toMatchObject({
      toAccept: 2,
      toDispatch: 1,
      overdue: 1,
      dueSoon: 1,
      warnings: 1,
    });
    // The street's own order only; the district's are not its work.
    expect(await counts("street-dispatcher")).toMatchObject({ toAccept: 1, toDispatch: 0, overdue: 1 });
    expect(await counts("rsj-handler")).toEqual({ toSign: 2, handling: 1, overdue: 1, dueSoon: 1 });
    expect(await counts("supervisor")).toMatchObject({ overdue: 1, supervised: 1, dueSoon: 1, warnings: 1 });
    // 人社局's colleagues in another unit see none of it.
    expect(await counts("zjj-handler")).toEqual({ toSign: 0, handling: 0, overdue: 0, dueSoon: 0 });
    expect(Object.keys(await counts("operator"))).toEqual(["toVisit", "overdue"]);
    // Issue 10, finding 11: the grid worker's home counts the grid's open orders besides its own steps;
    // the community's leader watches what is late, supervised, due soon and warned.
    expect(Object.keys(await counts("gridworker"))).toEqual(["toHandle", "open", "overdue", "dueSoon"]);
    expect((await counts("gridworker")).open).toBeGreaterThan(0);
    expect(Object.keys(await counts("leader"))).toEqual(["overdue", "supervised", "dueSoon", "warnings"]);
  });

  it("is refused to residents and to callers without a session", async () => {
    const resident = await t.app.inject({ url: "/api/work", headers: { cookie: await t.login("resident") } });
    expect(resident.statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/work" })).statusCode).toBe(401);
  });
});
