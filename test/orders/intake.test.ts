import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, getOrder, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
});
afterAll(() => t.close());

const countOrders = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom("orders")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const call = (extra: Record<string, unknown> = {}) => ({
  channel: "12345",
  channelFields: { workOrderNo: "SX-0001" },
  content: "小区门口的路灯坏了一个多月，晚上很黑，老人出行不安全",
  location: point,
  caller: { name: "王大爷", phone: "13812345678" },
  ...extra,
});

describe("intake", () => {
  it("fills category, type and urgency from the classifier when the submitter left them out", async () => {
    const response = await submit(
      t,
      "operator",
      call({ content: "闻到很大的煤气味，楼道里燃气管道好像漏气了，请赶紧派人来" }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json();
    expect(order.category.code).toMatch(/^02/);
    expect(order.urgent).toBe(true);
    expect(order.suggestions.categories.length).toBeGreaterThan(0);
  });

  it("takes GCJ-02 coordinates from Chinese map SDKs and stores WGS-84", async () => {
    const gcj = { lng: point.lng + 0.0046, lat: point.lat - 0.0016 };
    const response = await submit(t, "operator", call({ location: { ...gcj, crs: "gcj02" } }));
    expect(response.statusCode, response.body).toBe(201);
    expect(Math.abs(response.json().location.lng - point.lng)).toBeLessThan(0.001);
  });

  it("suggests an open demand about the same problem nearby as a duplicate", async () => {
    const first = (
      await submit(t, "operator", call({ content: "建设路12号院门口的下水道堵塞，污水漫到路面上，臭味很大" }))
    ).json();
    const second = (
      await submit(t, "operator", call({ content: "建设路12号院门口下水道堵了，污水漫到路面，很臭" }))
    ).json();
    expect(second.suggestions.duplicates.map((d: { id: string }) => d.id)).toContain(first.id);
  });

  it("retrying with the same Idempotency-Key returns the first order and creates no second one", async () => {
    const before = await countOrders();
    const headers = { "idempotency-key": "retry-key-0001" };
    const first = await submit(t, "operator", call(), headers);
    const retry = await submit(t, "operator", call(), headers);
    expect(first.statusCode).toBe(201);
    expect(retry.json().orderNo).toBe(first.json().orderNo);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await countOrders()).toBe(before + 1);
    const misuse = await submit(
      t,
      "operator",
      call({ content: "另一件完全不同的事情，需要另外处理" }),
      headers,
    );
    expect(misuse.statusCode).toBe(422);
  });

  it.each([
    ["no content", { content: "" }],
    ["unknown channel", { channel: "fax" }],
    ["channel fields missing", { channelFields: {} }],
    ["unknown category", { categoryCode: "0999" }],
    ["point outside the district", { location: { lng: 116.4, lat: 39.9 } }],
    ["no place at all", { location: undefined }],
    [
      "a file that is not an image",
      { attachments: [{ fileName: "x.jpg", content: Buffer.from("MZ not an image").toString("base64") }] },
    ],
    ["an extra field", { colour: "red" }],
  ])("a submit with %s fails with a JSON error and creates nothing", async (_, extra) => {
    const before = await countOrders();
    const response = await submit(t, "operator", call(extra));
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(Object.keys(response.json()).sort()).toEqual(expect.arrayContaining(["code", "message"]));
    expect(await countOrders()).toBe(before);
  });

  it("stores a real photo and serves it back", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const response = await submit(
      t,
      "operator",
      call({ attachments: [{ fileName: "lamp.png", content: png.toString("base64") }] }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const stored = await t.ctx.db
      .selectFrom("attachments")
      .select(["id", "mime"])
      .where("order_id", "=", response.json().id)
      .execute();
    expect(stored).toEqual([{ id: expect.any(String), mime: "image/png" }]);
  });

  it("refuses a channel the role may not use", async () => {
    const response = await submit(t, "resident", call());
    expect(response.statusCode).toBe(403);
  });
});

describe("privacy of callers", () => {
  it("stores phones encrypted and shows them masked", async () => {
    const order = (await submit(t, "operator", call({ categoryCode: wage }))).json();
    expect(order.caller.phone).toBe("138****5678");
    const row = await t.ctx.db
      .selectFrom("orders")
      .select(["caller_phone_cipher"])
      .where("id", "=", order.id)
      .executeTakeFirstOrThrow();
    expect(row.caller_phone_cipher).not.toContain("12345678");
  });

  it("logs every reveal of a full phone as an event", async () => {
    const order = (await submit(t, "operator", call({ categoryCode: wage }))).json();
    const cookie = await t.login("district-dispatcher");
    const revealed = await t.app.inject({
      method: "POST",
      url: `/api/orders/${order.id}/reveal-phone`,
      headers: { cookie },
    });
    expect(revealed.json()).toEqual({ phone: "13812345678" });
    const history = (await getOrder(t, "district-dispatcher", order.id)).json().history;
    expect(history.filter((e: { action: string }) => e.action === "reveal_phone")).toHaveLength(1);
  });

  it("hides a confidential caller from the unit entirely", async () => {
    const rsj = await unitId(t, "rsj");
    const order = (
      await submit(
        t,
        "operator",
        call({ categoryCode: wage, caller: { name: "匿名", phone: "13811112222", confidential: true } }),
      )
    ).json();
    await must(t, "district-dispatcher", order.id, "accept");
    await must(t, "district-dispatcher", order.id, "dispatch", { mainUnitId: rsj });
    const seenByUnit = (await getOrder(t, "rsj-handler", order.id)).json();
    expect(seenByUnit.caller).toEqual({ confidential: true, name: null, phone: null });
    expect(JSON.stringify(seenByUnit)).not.toContain("2222");
    const reveal = await t.app.inject({
      method: "POST",
      url: `/api/orders/${order.id}/reveal-phone`,
      headers: { cookie: await t.login("rsj-handler") },
    });
    expect(reveal.statusCode).toBe(403);
    expect((await getOrder(t, "district-dispatcher", order.id)).json().caller.name).toBe("匿名");
  });

  it("answers an order outside one's scope as not found", async () => {
    const order = (await submit(t, "operator", call({ categoryCode: wage }))).json();
    const other = await t.app.inject({
      url: `/api/orders/${order.id}`,
      headers: { cookie: await t.login("zjj-handler") },
    });
    expect(other.statusCode).toBe(404);
    const resident = await t.app.inject({
      url: `/api/orders/${order.id}`,
      headers: { cookie: await t.login("resident") },
    });
    expect(resident.statusCode).toBe(404);
  });
});
