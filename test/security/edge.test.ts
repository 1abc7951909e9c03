import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { DEMO_PASSWORD } from "../../src/seed/demo-accounts.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/** Findings 5–8 and 10: what the edge refuses before a route runs, and the headers it adds. */
let t: TestApp;
let point: { lng: number; lat: number };

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
}, 180_000);
afterAll(() => t.close());

const demand = (fields: Record<string, unknown> = {}) => ({
  channel: "online",
  content: "小区里的健身器材坏了，存在安全隐患",
  location: point,
  ...fields,
});

async function orderCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("orders")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("input hygiene (finding 7)", () => {
  it("refuses a NUL or another control character anywhere with 400, storing nothing", async () => {
    const before = await orderCount();
    for (const content of ["路灯坏了\u0000很久了啊", "路灯坏了\u001b[31m很久了"]) {
      const response = await submit(t, "resident", demand({ content }));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe("VALIDATION_FAILED");
    }
    const query = await t.app.inject({
      url: "/api/orders?q=%00",
      headers: { cookie: await t.login("admin") },
    });
    expect(query.statusCode).toBe(400);
    expect(await orderCount()).toBe(before);
  });

  it("keeps line breaks and tabs, which people do type", async () => {
    const response = await submit(t, "resident", demand({ content: "路灯坏了\n\t已经三天了" }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it("refuses channelFields nested 10,000 deep with 400 before hashing it", async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/demands",
      headers: {
        cookie: await t.login("resident"),
        "content-type": "application/json",
        "idempotency-key": "deep-json-0001",
      },
      payload: `{"channel":"online","content":"小区里的健身器材坏了","channelFields":${deep}}`,
    });
    expect(response.statusCode, response.body).toBe(400);
  });

  it("bounds every page number and id: ?page=1000000000000000000 is 400", async () => {
    const cookie = await t.login("admin");
    for (const url of [
      "/api/orders?page=1000000000000000000",
      "/api/users?page=1000000000000000000",
      "/api/orders?unitId=99999999999",
    ]) {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
    }
  });

  it("refuses a holiday on 0000-01-01 or 2026-02-31 with 400", async () => {
    for (const day of ["0000-01-01", "2026-02-31"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/holidays",
        headers: { cookie: await t.login("admin") },
        payload: { day, kind: "holiday", name: "测试" },
      });
      expect(response.statusCode, `${day}: ${response.body}`).toBe(400);
    }
  });
});

describe("strangers (finding 10)", () => {
  it("answers 401 to an anonymous protected request before reading or validating its body", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/demands",
      headers: { "content-type": "application/json" },
      payload: { channel: "nonsense" },
    });
    expect(response.statusCode).toBe(401);
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "x", password: "y".repeat(11 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
  });

  it("tells a stranger no schema details", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toBeUndefined();
    expect(response.body).not.toContain("password");
  });
});

describe("cross-site requests (finding 8)", () => {
  it("refuses a body-less POST sent as text/plain, as a cross-site form would", async () => {
    const cookie = await t.login("operator");
    const order = (await submit(t, "operator", demand({ channel: "online" }))).json();
    for (const url of [`/api/orders/${order.id}/reveal-phone`, "/api/auth/logout"]) {
      const response = await t.app.inject({
        method: "POST",
        url,
        headers: { cookie, "content-type": "text/plain" },
        payload: "",
      });
      expect(response.statusCode, url).toBe(415);
    }
    const me = await t.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.statusCode, "the session survived").toBe(200);
  });

  it("refuses a state change whose Origin or Sec-Fetch-Site says another site", async () => {
    const cookie = await t.login("resident");
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/demands",
        headers: { cookie, ...headers },
        payload: demand(),
      });
      expect(response.statusCode).toBe(403);
    }
    const same = await t.app.inject({
      method: "POST",
      url: "/api/demands",
      headers: {
        cookie,
        origin: "http://localhost:80",
        host: "localhost:80",
        "sec-fetch-site": "same-origin",
      },
      payload: demand(),
    });
    expect(same.statusCode, same.body).toBe(201);
  });
});

describe("headers (findings 5, 6)", () => {
  it("marks API answers no-store", async () => {
    const response = await t.app.inject({ url: "/api/me", headers: { cookie: await t.login("admin") } });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("serves a GIF89a<script> polyglot as its checked type, never sniffed, with a disposition", async () => {
    const polyglot = Buffer.from("GIF89a<script>alert(document.cookie)</script>");
    const order = (
      await submit(
        t,
        "resident",
        demand({ attachments: [{ fileName: "x.html", content: polyglot.toString("base64") }] }),
      )
    ).json();
    const file = await t.ctx.db
      .selectFrom("attachments")
      .select("id")
      .where("order_id", "=", order.id)
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      url: `/api/orders/${order.id}/attachments/${file.id}`,
      headers: { cookie: await t.login("resident") },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/gif");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(response.headers["content-disposition"])).toMatch(/^inline; filename=/);
  });

  it("sets a Secure cookie behind a trusted TLS proxy (X-Forwarded-Proto), and only then", async () => {
    const behindProxy = await buildApp(t.ctx, { trustProxy: true });
    try {
      const login = (app: typeof behindProxy) =>
        app.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: { "x-forwarded-proto": "https" },
          payload: { username: "admin", password: DEMO_PASSWORD },
        });
      const proxied = (await login(behindProxy)).cookies.find((c) => c.name === "minhu_session");
      expect(proxied?.secure).toBe(true);
      const direct = (await login(t.app)).cookies.find((c) => c.name === "minhu_session");
      expect(direct?.secure).toBeFalsy();
    } finally {
      await behindProxy.close();
    }
  });
});
