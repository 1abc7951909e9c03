import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/modules/accounts/passwords.js";
import { insertUsers } from "../../src/modules/accounts/repository.js";
import { DEMO_PASSWORD } from "../../src/seed/demo-accounts.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";
import { SseReader } from "../platform/sse-client.js";

/**
 * Every role × every way to read an order, against one order: submitted by `resident` in the
 * grid of `gridworker`, dispatched to 人社局 (main) with 住建局 assisting, carrying a photo.
 * "yes" = the order is there; "no" = absent / 404 exactly like a missing one; "denied" = 403 for the
 * whole route (the role may not use it at all).
 */
type Answer = "yes" | "no" | "denied";
type Way = "list" | "detail" | "stream" | "attachment" | "duplicates" | "export";
const WAYS: Way[] = ["list", "detail", "stream", "attachment", "duplicates", "export"];

const MATRIX: Record<string, Answer[]> = {
  //                      list   detail  stream attach dupl.  export
  resident: ["yes", "yes", "yes", "yes", "no", "denied"],
  "other-resident": ["no", "no", "no", "no", "no", "denied"],
  gridworker: ["yes", "yes", "yes", "yes", "yes", "denied"],
  "gw002-1": ["no", "no", "no", "no", "no", "denied"],
  "community-staff": ["yes", "yes", "yes", "yes", "yes", "yes"],
  "street-staff": ["yes", "yes", "yes", "yes", "yes", "yes"],
  "community-dispatcher": ["yes", "yes", "yes", "yes", "yes", "yes"],
  "street-dispatcher": ["yes", "yes", "yes", "yes", "yes", "yes"],
  "district-dispatcher": ["yes", "yes", "yes", "yes", "yes", "yes"],
  operator: ["yes", "yes", "yes", "yes", "yes", "denied"],
  supervisor: ["yes", "yes", "yes", "yes", "yes", "yes"],
  leader: ["yes", "yes", "yes", "yes", "yes", "yes"],
  admin: ["yes", "yes", "yes", "yes", "yes", "yes"],
  "rsj-handler": ["yes", "yes", "yes", "yes", "no", "denied"],
  "zjj-handler": ["yes", "yes", "yes", "yes", "no", "denied"],
  "cgj-handler": ["no", "no", "no", "no", "no", "denied"],
  "street-office-handler": ["no", "no", "no", "no", "no", "denied"],
};

const CONTENT = "小区门口的路灯坏了好几天，晚上一片漆黑，老人出行很不方便";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let t: TestApp;
let base: string;
let order: { id: string; orderNo: string };
let attachmentId: string;
let point: { lng: number; lat: number };
const answers = new Map<string, Partial<Record<Way, Answer>>>();

function record(user: string, way: Way, answer: Answer) {
  answers.set(user, { ...answers.get(user), [way]: answer });
}

const seen = (status: number, present: boolean): Answer =>
  status === 403 ? "denied" : status === 200 && present ? "yes" : "no";

beforeAll(async () => {
  t = await createTestApp();
  await insertUsers(t.ctx.db, [
    {
      username: "other-resident",
      displayName: "居民 李四",
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: "resident",
      regionCode: null,
      unitId: null,
    },
  ]);
  const grid = await regionOf(t, "gridworker");
  expect(grid.startsWith(await regionOf(t, "leader")), "the order lies in the leader's community").toBe(true);
  point = await pointInGrid(t, grid);
  const submitted = await submit(t, "resident", {
    channel: "online",
    content: CONTENT,
    categoryCode: await categoryAt(t, "district", "rsj"),
    location: point,
    caller: { phone: "13566667777" },
    attachments: [{ fileName: "lamp.png", content: PNG.toString("base64") }],
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  order = submitted.json();
  await must(t, "district-dispatcher", order.id, "accept");
  await must(t, "district-dispatcher", order.id, "dispatch", {
    mainUnitId: await unitId(t, "rsj"),
    assistingUnitIds: [await unitId(t, "zjj")],
  });
  const file = await t.ctx.db
    .selectFrom("attachments")
    .select("id")
    .where("order_id", "=", order.id)
    .executeTakeFirstOrThrow();
  attachmentId = file.id;
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
}, 180_000);
afterAll(() => t.close());

describe("who may read an order, every way it can be read", () => {
  it("the REST reads, duplicate suggestions and exports", async () => {
    for (const user of Object.keys(MATRIX)) {
      const cookie = await t.login(user);
      const list = await t.app.inject({ url: `/api/orders?q=${order.orderNo}`, headers: { cookie } });
      record(
        user,
        "list",
        seen(
          list.statusCode,
          list.json().items?.some((o: { id: string }) => o.id === order.id),
        ),
      );
      const detail = await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie } });
      record(user, "detail", seen(detail.statusCode, true));
      const photo = await t.app.inject({
        url: `/api/orders/${order.id}/attachments/${attachmentId}`,
        headers: { cookie },
      });
      record(user, "attachment", seen(photo.statusCode, photo.rawPayload.equals(PNG)));
      const duplicates = await t.app.inject({
        method: "POST",
        url: "/api/demands/duplicates",
        headers: { cookie },
        payload: { content: CONTENT, location: point },
      });
      record(
        user,
        "duplicates",
        seen(
          duplicates.statusCode,
          duplicates.json().items?.some((o: { id: string }) => o.id === order.id),
        ),
      );
      const exported = await t.app.inject({ url: "/api/ledgers/general/export.xlsx", headers: { cookie } });
      record(
        user,
        "export",
        seen(
          exported.statusCode,
          exported.statusCode === 200 && (await cellsOf(exported.rawPayload)).includes(order.orderNo),
        ),
      );
    }
  }, 60_000);

  it("the live stream", async () => {
    const users = Object.keys(MATRIX);
    const readers = await Promise.all(
      users.map(async (user) => {
        const response = await fetch(`${base}/api/events/stream`, {
          headers: { cookie: await t.login(user) },
        });
        const reader = new SseReader(response);
        expect((await reader.nextEvent())?.event).toBe("ready");
        return reader;
      }),
    );
    const changed = await t.app.inject({
      method: "PUT",
      url: `/api/orders/${order.id}/ledger`,
      headers: { cookie: await t.login("district-dispatcher") },
      payload: { ledger: "difficult" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await Promise.all(
      readers.map(async (reader, i) => {
        const event = await Promise.race([
          reader.nextEvent(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500)),
        ]);
        record(users[i], "stream", event?.data.includes(`"orderId":"${order.id}"`) ? "yes" : "no");
      }),
    );
  }, 30_000);

  it("suggests duplicates at intake only from orders the submitter may read", async () => {
    const again = { channel: "online", content: CONTENT, location: point };
    const stranger = await submit(t, "other-resident", again);
    expect(stranger.statusCode, stranger.body).toBe(201);
    expect(stranger.json().suggestions.duplicates).toEqual([]);
    const staff = await submit(t, "street-staff", again);
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().suggestions.duplicates.map((d: { id: string }) => d.id)).toContain(order.id);
  });

  it("answers as the matrix says", () => {
    const actual = Object.fromEntries(
      Object.keys(MATRIX).map((user) => [user, WAYS.map((way) => answers.get(user)?.[way])]),
    );
    expect(actual).toEqual(MATRIX);
  });
});

async function cellsOf(payload: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      texts.push((row.values as unknown[]).map(String).join("\t"));
    });
  });
  return texts.join("\n");
}
