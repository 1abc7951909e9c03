import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportXlsx, generateCityExport } from "../../bench/city-hotline-export.js";
import { NO_CITY } from "../../src/config.js";
import { CITY_ACCOUNT } from "../../src/modules/city-hotline/account.js";
import { signedHeaders } from "../../src/platform/signing.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

const SECRET = "push-secret-for-tests-0123456789";
const BASE = "/api/integrations/12345";
let t: TestApp;
let rows: string[][];

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.city = { ...NO_CITY, secret: SECRET };
  rows = generateCityExport(t.ctx.places, 240, 7);
  // Bad rows as real exports have them: no number, an empty complaint, a garbled time, a bad phone.
  rows[3][1] = "";
  rows[5][6] = "无";
  rows[8][2] = "2026-13-45 25:00";
  rows[11][4] = "电话打不通";
});
afterAll(() => t.close());

async function upload(
  file: { name: string; content: Buffer },
  options: { dryRun?: boolean; source?: string; user?: string } = {},
) {
  return t.app.inject({
    method: "POST",
    url: `${BASE}/imports`,
    headers: { cookie: await t.login(options.user ?? "district-dispatcher") },
    payload: {
      source: options.source ?? "city",
      fileName: file.name,
      content: file.content.toString("base64"),
      dryRun: options.dryRun ?? false,
    },
  });
}

/** Uploads and polls the import's progress until it is finished, as the page does. */
async function importFile(
  file: { name: string; content: Buffer },
  options: { dryRun?: boolean; source?: string } = {},
) {
  const response = await upload(file, options);
  expect(response.statusCode, response.body).toBe(202);
  const cookie = await t.login("district-dispatcher");
  for (;;) {
    const progress = await t.app.inject({
      url: `${BASE}/imports/${response.json().id}`,
      headers: { cookie },
    });
    const body = progress.json();
    if (body.state === "done" || body.state === "failed") return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const xlsx = async (data: string[][]) => ({ name: "12345工单导出.xlsx", content: await exportXlsx(data) });

async function counts() {
  const n = async (table: "orders" | "order_events" | "city_work_orders") =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { orders: await n("orders"), events: await n("order_events"), links: await n("city_work_orders") };
}

describe("12345 work orders in", () => {
  it("a dry run lists each bad row with its reason and creates nothing", async () => {
    const before = await counts();
    const result = await importFile(await xlsx(rows), { dryRun: true });
    expect(result).toMatchObject({ state: "done", dryRun: true, rowsTotal: 240, rowsDone: 240, invalid: 4 });
    const invalid = result.problems.filter((p: { kind: string }) => p.kind === "invalid");
    expect(invalid.map((p: { rowNo: number; reason: string }) => [p.rowNo, p.reason])).toEqual([
      [4, "missing_work_order_no"],
      [6, "content_too_short"],
      [9, "bad_call_time"],
      [12, "bad_phone"],
    ]);
    expect(result.created + result.unplaced).toBe(236);
    expect(await counts()).toEqual(before);
    const queue = await t.app.inject({ url: `${BASE}/queue`, headers: { cookie: await t.login("admin") } });
    expect(queue.json().total).toBe(0);
  });

  it("imports through intake: channel 12345, the number kept, phones encrypted, unplaced rows queued", async () => {
    const before = await counts();
    const result = await importFile(await xlsx(rows));
    expect(result).toMatchObject({ state: "done", invalid: 4, updated: 0, unchanged: 0 });
    expect(result.created).toBeGreaterThan(200);
    const after = await counts();
    expect(after.orders - before.orders).toBe(result.created);
    expect(after.links - before.links).toBe(result.created);
    const row = rows[1];
    const order = await t.ctx.db
      .selectFrom("orders as o")
      .innerJoin("city_work_orders as l", "l.order_id", "o.id")
      .innerJoin("users as u", "u.id", "o.submitted_by")
      .select([
        "o.channel",
        "o.channel_fields",
        "o.caller_phone_cipher",
        "o.caller_phone_masked",
        "o.grid_code",
        "o.route",
        "u.username",
        "o.content",
      ])
      .where("l.work_order_no", "=", row[1])
      .executeTakeFirst();
    if (order) {
      expect(order).toMatchObject({ channel: "12345", username: CITY_ACCOUNT, content: row[6] });
      expect(order.channel_fields.workOrderNo).toBe(row[1]);
      expect(order.grid_code).toMatch(/^[0-9]+$/);
      expect(order.route).toBeTruthy();
      if (!row[4].includes("*")) {
        expect(order.caller_phone_cipher).not.toContain(row[4]);
        expect(t.ctx.vault.decrypt(order.caller_phone_cipher as string)).toBe(row[4]);
      }
    }
    // Every character arrives as written (a streaming XLSX reader garbled CJK at chunk boundaries).
    const stored = await t.ctx.db
      .selectFrom("orders as o")
      .innerJoin("city_work_orders as l", "l.order_id", "o.id")
      .select(["l.work_order_no", "o.content", "o.address"])
      .execute();
    const byNumber = new Map(rows.map((r) => [r[1], r]));
    const mismatched = stored.filter((o) => {
      const r = byNumber.get(o.work_order_no) as string[];
      return o.content !== r[6] || o.address !== r[7];
    });
    expect(mismatched).toEqual([]);
    const queue = await t.app.inject({
      url: `${BASE}/queue?limit=200`,
      headers: { cookie: await t.login("admin") },
    });
    expect(queue.json().total).toBe(result.unplaced);
    for (const item of queue.json().items) expect(item.phone ?? "").not.toMatch(/^1[0-9]{10}$/);
  });

  it("a second import of the same file creates no order and no event", async () => {
    const before = await counts();
    const result = await importFile(await xlsx(rows));
    expect(result).toMatchObject({ state: "done", created: 0, updated: 0 });
    expect(await counts()).toEqual(before);
    const queue = await t.app.inject({
      url: `${BASE}/queue?limit=200`,
      headers: { cookie: await t.login("admin") },
    });
    expect(queue.json().total).toBe(result.unplaced);
  });

  it("an updated row updates its order with one event", async () => {
    const link = await t.ctx.db
      .selectFrom("city_work_orders")
      .selectAll()
      .orderBy("order_id")
      .executeTakeFirstOrThrow();
    const changed = rows.map((r) => [...r]);
    const index = changed.findIndex((r) => r[1] === link.work_order_no);
    changed[index][6] = "小区门口垃圾桶满了三天没人清运，气味很大，请尽快处理（补充：已经第四天了）";
    const before = await counts();
    const result = await importFile(await xlsx(changed));
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const after = await counts();
    expect(after.orders).toBe(before.orders);
    expect(after.events - before.events).toBe(1);
    const event = await t.ctx.db
      .selectFrom("order_events")
      .selectAll()
      .where("order_id", "=", link.order_id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "city_update", actor_role: "system" });
    expect(event.data.changed).toEqual(["content"]);
  });

  it("reads a CSV through a source's saved column mapping, and fails the import without it", async () => {
    const csv = (lines: string[][]) => ({
      name: "export.csv",
      content: Buffer.from(
        `\uFEFF${lines.map((l) => l.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n")}`,
      ),
    });
    const renamed = rows.slice(0, 21).map((r) => [r[1], r[6], r[7], r[2]]);
    renamed[0] = ["单据号", "反映问题", "发生地点", "来电日期"];
    renamed[1][0] = "QX-0001";
    const unmapped = await importFile(csv(renamed), { source: "county" });
    expect(unmapped).toMatchObject({ state: "failed", error: "missing_columns:workOrderNo,content" });
    const saved = await t.app.inject({
      method: "PUT",
      url: `${BASE}/sources/county`,
      headers: { cookie: await t.login("admin") },
      payload: {
        mapping: { workOrderNo: "单据号", content: "反映问题", address: "发生地点", callAt: "来电日期" },
      },
    });
    expect(saved.statusCode).toBe(200);
    const mapped = await importFile(csv(renamed), { source: "county", dryRun: true });
    expect(mapped).toMatchObject({ state: "done", rowsTotal: 20 });
    expect(mapped.created + mapped.unchanged + mapped.unplaced + mapped.invalid + mapped.updated).toBe(20);
    expect(mapped.created).toBeGreaterThanOrEqual(1);
  });

  it("a person places a queued work order on a grid; it is registered there once", async () => {
    const cookie = await t.login("admin");
    const queue = (await t.app.inject({ url: `${BASE}/queue`, headers: { cookie } })).json();
    expect(queue.total).toBeGreaterThan(0);
    const grid = await t.ctx.db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "grid")
      .executeTakeFirstOrThrow();
    const placed = await t.app.inject({
      method: "POST",
      url: `${BASE}/queue/${queue.items[0].id}/place`,
      headers: { cookie },
      payload: { gridCode: grid.code },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const order = await t.ctx.db
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", placed.json().orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ grid_code: grid.code, channel: "12345" });
    expect(order.channel_fields.workOrderNo).toBe(queue.items[0].workOrderNo);
    const again = await t.app.inject({
      method: "POST",
      url: `${BASE}/queue/${queue.items[0].id}/place`,
      headers: { cookie },
      payload: { gridCode: grid.code },
    });
    expect(again.statusCode).toBe(404);
    expect((await t.app.inject({ url: `${BASE}/queue`, headers: { cookie } })).json().total).toBe(
      queue.total - 1,
    );
  });

  it.each(["street-dispatcher", "operator", "supervisor", "rsj-handler", "gridworker"])(
    "denies %s the import, the mappings and the queue",
    async (user) => {
      const before = await counts();
      const cookie = await t.login(user);
      const file = await xlsx(rows.slice(0, 5));
      expect((await upload(file, { user })).statusCode).toBe(403);
      expect((await t.app.inject({ url: `${BASE}/queue`, headers: { cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ url: `${BASE}/imports`, headers: { cookie } })).statusCode).toBe(403);
      const mapping = await t.app.inject({
        method: "PUT",
        url: `${BASE}/sources/city`,
        headers: { cookie },
        payload: { mapping: { content: "x" } },
      });
      expect(mapping.statusCode).toBe(403);
      expect(await counts()).toEqual(before);
    },
  );
});

describe("the push endpoint", () => {
  const pushed = (n: number) => ({
    orders: [
      {
        工单编号: `PUSH-${n}`,
        来电时间: "2026-12-01 09:30:00",
        来电人: "王女士",
        联系电话: "13912340000",
        诉求内容: "南门附近夜间施工噪音很大，影响休息，请求处理",
        诉求地址: rows[1][7],
        诉求类型: "投诉",
        办理时限: "2026-12-08 18:00:00",
      },
    ],
  });
  const post = (body: string, headers: Record<string, string>) =>
    t.app.inject({
      method: "POST",
      url: `${BASE}/orders`,
      headers: { "content-type": "application/json", ...headers },
      payload: body,
    });

  it("takes a signed push once; a replayed nonce, a bad signature and a stale timestamp are refused", async () => {
    const body = JSON.stringify(pushed(1));
    const headers = signedHeaders(SECRET, "nonce-0000000001", body, new Date());
    const first = await post(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results[0]).toMatchObject({ workOrderNo: "PUSH-1" });
    expect(["created", "unplaced"]).toContain(first.json().results[0].outcome);

    const before = await counts();
    const replayed = await post(body, headers);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: "SIGNATURE_INVALID" });

    const other = JSON.stringify(pushed(2));
    const forged = await post(other, {
      ...signedHeaders("wrong-secret", "nonce-0000000002", other, new Date()),
    });
    expect(forged.statusCode).toBe(401);
    const tampered = await post(other, signedHeaders(SECRET, "nonce-0000000003", body, new Date()));
    expect(tampered.statusCode).toBe(401);
    const stale = await post(
      other,
      signedHeaders(SECRET, "nonce-0000000004", other, new Date(Date.now() - 10 * 60_000)),
    );
    expect(stale.statusCode).toBe(401);
    const unsigned = await post(other, {});
    expect(unsigned.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
    expect(
      await t.ctx.db
        .selectFrom("city_work_orders")
        .select("order_id")
        .where("work_order_no", "=", "PUSH-2")
        .execute(),
    ).toEqual([]);

    const resent = await post(body, signedHeaders(SECRET, "nonce-0000000005", body, new Date()));
    expect(resent.statusCode).toBe(200);
    expect(resent.json().results[0].outcome).toBe(
      first.json().results[0].outcome === "created" ? "unchanged" : "unplaced",
    );
    expect(await counts()).toEqual(before);
  });
});
