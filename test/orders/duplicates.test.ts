import { randomBytes } from "node:crypto";
import gcoordModule from "gcoord";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/modules/context.js";
import { openDemandsQuery } from "../../src/modules/demands/duplicate-search.js";
import { termsOf } from "../../src/modules/demands/duplicates.js";
import { createContext } from "../../src/server/bootstrap.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { must, pointInGrid, submit } from "../helpers/orders.js";

/**
 * 重复诉求 through the database: intake stores each demand's words, and the search compares a new
 * demand with the open orders of its grid and the grids within 300 m, in the last 30 days.
 */
let t: TestApp;
const grids: string[] = [];
const points: { lng: number; lat: number }[] = [];
const SEWER = "建设路12号院门口的下水道堵塞，污水漫到路面上，臭味很大";
const SEWER_AGAIN = "建设路12号院门口下水道堵了，污水漫到路面，很臭";

beforeAll(async () => {
  t = await createTestApp();
  for (const street of ["610103001", "610103004", "610103007"]) {
    const { code } = await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "grid")
      .where("code", "like", `${street}%`)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    grids.push(code);
    points.push(await pointInGrid(t, code));
  }
});
afterAll(() => t.close());

async function register(content: string, at: { lng: number; lat: number }): Promise<string> {
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: "DUP-1" },
    content,
    location: at,
    caller: { phone: "13900001111" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
const searchOn = (ctx: AppContext, content: string, i: number, scopePrefix = "610103") =>
  ctx.duplicates.find({ words: termsOf(content), ...points[i], gridCode: grids[i], scopePrefix });
const search = (content: string, i: number, scopePrefix = "610103") =>
  searchOn(t.ctx, content, i, scopePrefix);

/** Notifications arrive a moment after the commit. */
async function eventually(condition: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 25) {
    if (waited > 5000) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("DuplicateSearch", () => {
  const ids: string[] = [];

  beforeAll(async () => {
    for (const [i, text] of [SEWER, "楼上装修噪音太大，周末早上七点就开始电钻", SEWER].entries()) {
      ids.push(await register(text, points[i]));
    }
  });

  it("answers searches made at the same time each with its own neighbourhood", async () => {
    const [first, second, third] = await Promise.all([0, 1, 2].map((i) => search(SEWER_AGAIN, i)));
    expect(first.map((d) => d.id)).toEqual([ids[0]]);
    expect(second).toEqual([]);
    expect(third.map((d) => d.id)).toEqual([ids[2]]);
    expect(first[0]).toMatchObject({ orderNo: expect.stringMatching(/^BL\d{12}$/), state: "registered" });
    expect(first[0].similarity).toBeGreaterThanOrEqual(0.35);
  });

  it("searches only inside the caller's scope", async () => {
    expect(await search(SEWER_AGAIN, 0, "610103004")).toEqual([]);
    expect((await search(SEWER_AGAIN, 0, "610103001")).map((d) => d.id)).toEqual([ids[0]]);
  });

  it("leaves out an order once it is no longer open", async () => {
    await must(t, "district-dispatcher", ids[2], "reject", { reason: "测试：不予受理" });
    await eventually(async () => (await search(SEWER_AGAIN, 2)).length === 0);
  });

  it("leaves out orders older than 30 days", async () => {
    t.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect(await search(SEWER_AGAIN, 0)).toEqual([]);
    } finally {
      t.setNow(null);
    }
  });

  it("reads the open orders of the grids through the partial index of open orders", async () => {
    // The test database is too small for the planner to prefer an index: inside a transaction that is
    // rolled back, every other index of orders is dropped and sequential scans are discouraged, so the
    // plan shows whether the partial index's predicate matches what the search asks.
    const query = openDemandsQuery(grids);
    const rollback = new Error("rollback");
    let plan = "";
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        const others = await sql<{ indexname: string }>`
          SELECT indexname FROM pg_indexes
          WHERE tablename = 'orders' AND indexname <> 'orders_open_by_grid'
            AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(trx);
        for (const { indexname } of others.rows) await sql`DROP INDEX ${sql.id(indexname)}`.execute(trx);
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const explained = await sql<{ "QUERY PLAN": string }>`EXPLAIN ${query}`.execute(trx);
        plan = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
    expect(plan).toContain("orders_open_by_grid");
  });

  it("intake answers with the suggestion", async () => {
    const response = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: "DUP-2" },
      content: SEWER_AGAIN,
      location: points[0],
    });
    expect(response.json().suggestions.duplicates.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
  });
});

describe("two server instances on one database", () => {
  it("each suggests what the other registered, and drops what the other closed", async () => {
    const other = await createContext(t.database, {
      secretKey: randomBytes(32),
      tileUrl: null,
      tileAttribution: null,
    });
    const text = "文化巷口的井盖松动了，车一压就响，晚上很吵还危险";
    const again = "文化巷口井盖松动，车压过去哐哐响，很危险";
    // The other instance has read the grid before the demand exists.
    expect(await searchOn(other, again, 0)).toEqual([]);
    const id = await register(text, points[0]);
    await eventually(async () => (await searchOn(other, again, 0)).some((d) => d.id === id));
    await must(t, "district-dispatcher", id, "reject", { reason: "测试：不予受理" });
    await eventually(async () => !(await searchOn(other, again, 0)).some((d) => d.id === id));
  });
});

describe("POST /api/demands/duplicates", () => {
  /**
   * A point of the district whose GCJ-02 and BD-09 forms, read as if they were WGS-84, fall outside
   * it: a search that ignored the `crs` it was given would answer OUTSIDE_JURISDICTION.
   */
  async function pointNearEdge(): Promise<{ lng: number; lat: number }> {
    const district = await t.ctx.db
      .selectFrom("regions")
      .select(["min_lng", "min_lat", "max_lng", "max_lat"])
      .where("code", "=", "610103")
      .executeTakeFirstOrThrow();
    const [minLng, minLat, maxLng, maxLat] = [
      district.min_lng,
      district.min_lat,
      district.max_lng,
      district.max_lat,
    ] as number[];
    for (let i = 0; i < 200; i++) {
      for (let j = 0; j < 200; j++) {
        const lng = minLng + ((maxLng - minLng) * i) / 200;
        const lat = minLat + ((maxLat - minLat) * j) / 200;
        if (!t.ctx.regions.locate(lng, lat)) continue;
        const shifted = [fromWgs84(lng, lat, gcoord.GCJ02), fromWgs84(lng, lat, gcoord.BD09)];
        if (shifted.every(([x, y]) => !t.ctx.regions.locate(x, y))) return { lng, lat };
      }
    }
    throw new Error("no point of the district leaves it when shifted");
  }

  it("reads the location in the coordinate system it names (GCJ-02, BD-09) before searching", async () => {
    const point = await pointNearEdge();
    const content = "小区东门外的路灯坏了三盏，晚上一片漆黑，老人走路容易摔倒";
    const id = await register(content, point);
    const cookie = await t.login("operator");
    const searchAt = (location: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: "/api/demands/duplicates",
        headers: { cookie },
        payload: { content: "小区东门外路灯坏了，晚上很黑，老人容易摔倒", location },
      });
    for (const [crs, system] of [
      ["gcj02", gcoord.GCJ02],
      ["bd09", gcoord.BD09],
    ] as const) {
      const [lng, lat] = fromWgs84(point.lng, point.lat, system);
      const response = await searchAt({ lng, lat, crs });
      expect(response.statusCode, `${crs}: ${response.body}`).toBe(200);
      expect(response.json().items.map((d: { id: string }) => d.id)).toContain(id);
      // The same numbers taken as WGS-84 lie outside the district.
      expect((await searchAt({ lng, lat })).json().code).toBe("OUTSIDE_JURISDICTION");
    }
  });
});

// gcoord's CommonJS default export, retyped as in src/platform/geo/coordinates.ts.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)["default"];

function fromWgs84(lng: number, lat: number, to: typeof gcoord.GCJ02 | typeof gcoord.BD09): [number, number] {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, to);
  return [x, y];
}
