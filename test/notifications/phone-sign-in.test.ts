import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/server/jobs.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, pointInGrid, regionOf, submit } from "../helpers/orders.js";

let t: TestApp;
const PHONE = "13900001234";

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: object, ip = "203.0.113.7") =>
  t.app.inject({ method: "POST", url, payload, remoteAddress: ip });

/** The newest sign-in code the log provider "sent" to a phone, as an administrator reads it. */
async function codeSentTo(phone: string): Promise<string> {
  await deliverOutbox(t.ctx, ["notify.sms"]);
  const log = await t.app.inject({
    url: `/api/notifications/log?phone=${phone}&event=login_code&limit=1`,
    headers: { cookie: await t.login("admin") },
  });
  const body = log.json().items[0].body as string;
  return /([0-9]{6})/.exec(body)?.[1] as string;
}

describe("residents sign up and sign in with their phone (手机号登录)", () => {
  it("sends a code, signs up with it once, and links the demands made from that phone before", async () => {
    const point = await pointInGrid(t, await regionOf(t, "gridworker"));
    const earlier = await submit(t, "operator", {
      channel: "online",
      channelFields: { client: "h5" },
      content: "小区门口路灯坏了一个月",
      categoryCode: await categoryAt(t, "community"),
      type: "report",
      location: point,
      caller: { name: "刘先生", phone: PHONE },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const sent = await post("/api/auth/phone/code", { phone: PHONE });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ sentTo: "139****1234", expiresInSeconds: 300 });
    // One a minute per phone.
    expect((await post("/api/auth/phone/code", { phone: PHONE })).statusCode).toBe(429);
    const code = await codeSentTo(PHONE);
    const stored = await t.ctx.db.selectFrom("phone_codes").select("code_hash").execute();
    expect(stored.some((row) => row.code_hash.includes(code))).toBe(false);
    // Neither is the code readable in the outbox that carried it: only the log provider's "SMS" shows it.
    const carried = await t.ctx.db
      .selectFrom("outbox_messages")
      .select("payload")
      .where("topic", "=", "notify.sms")
      .execute();
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.some((row) => JSON.stringify(row.payload).includes(code))).toBe(false);

    const wrong = await post("/api/auth/phone/sign-in", {
      phone: PHONE,
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(401);
    const signedIn = await post("/api/auth/phone/sign-in", { phone: PHONE, code, displayName: "刘先生" });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({
      created: true,
      linkedOrders: 1,
      user: { role: "resident", displayName: "刘先生" },
    });
    const session = signedIn.cookies.find((c) => c.name === "minhu_session");
    const mine = await t.app.inject({
      url: `/api/orders/${earlier.json().id}`,
      headers: { cookie: `minhu_session=${session?.value}` },
    });
    expect(mine.statusCode).toBe(200);
    // Single-use.
    expect((await post("/api/auth/phone/sign-in", { phone: PHONE, code })).statusCode).toBe(401);
  });

  it("signs the same resident in again with a new code; an expired code does not work", async () => {
    t.setNow(new Date(Date.now() + 2 * 60_000));
    expect((await post("/api/auth/phone/code", { phone: PHONE })).statusCode).toBe(202);
    const code = await codeSentTo(PHONE);
    const again = await post("/api/auth/phone/sign-in", { phone: PHONE, code });
    expect(again.json()).toMatchObject({ created: false, linkedOrders: 0 });
    t.setNow(new Date(Date.now() + 4 * 60_000));
    expect((await post("/api/auth/phone/code", { phone: PHONE })).statusCode).toBe(202);
    const late = await codeSentTo(PHONE);
    t.setNow(new Date(Date.now() + 10 * 60_000));
    expect((await post("/api/auth/phone/sign-in", { phone: PHONE, code: late })).statusCode).toBe(401);
    t.setNow(null);
  });

  it("throttles guessing: after five wrong codes for a phone even the right one waits", async () => {
    const phone = "13900005678";
    expect((await post("/api/auth/phone/code", { phone })).statusCode).toBe(202);
    const code = await codeSentTo(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      expect((await post("/api/auth/phone/sign-in", { phone, code: wrong })).statusCode).toBe(401);
    expect((await post("/api/auth/phone/sign-in", { phone, code })).statusCode).toBe(429);
  });
});
