import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * Finding 5: no CSP, frame-ancestors, Referrer-Policy or HSTS. The CSP itself is proven against the
 * built app in Chromium by test/browser/csp.ts; here, that every answer carries the headers.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(() => t.close());

function directives(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)] as [string, string]),
  );
}

describe("security headers", () => {
  it.each([
    ["a signed-in API answer", "/api/me", true],
    ["an anonymous API refusal", "/api/orders", false],
    ["a web app page", "/orders/123", false],
  ])("are on %s", async (_what, url, signedIn) => {
    const response = await t.app.inject({
      url,
      headers: signedIn ? { cookie: await t.login("admin") } : {},
    });
    expect(response.statusCode).toBeLessThan(500);
    const csp = directives(response.headers["content-security-policy"]);
    expect(csp.get("script-src")).toBe("'self'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends HSTS only when the request came over TLS (behind a trusted proxy)", async () => {
    const behindProxy = await buildApp(t.ctx, { trustProxy: true });
    try {
      const https = await behindProxy.inject({
        url: "/api/health",
        headers: { "x-forwarded-proto": "https" },
      });
      expect(https.headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
      const http = await behindProxy.inject({ url: "/api/health", headers: { "x-forwarded-proto": "http" } });
      expect(http.headers["strict-transport-security"]).toBeUndefined();
      // Without trusting the proxy, its header is not believed.
      const spoofed = await t.app.inject({ url: "/api/health", headers: { "x-forwarded-proto": "https" } });
      expect(spoofed.headers["strict-transport-security"]).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });

  it("allows images from the configured map tile server, and no other foreign origin", async () => {
    const withTiles = await buildApp({
      ...t.ctx,
      tileUrl: "https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY",
    });
    try {
      const csp = directives(
        (await withTiles.inject({ url: "/api/health" })).headers["content-security-policy"],
      );
      expect(csp.get("img-src")).toBe("'self' data: blob: https://t0.tianditu.gov.cn");
      expect(csp.get("connect-src")).toBe("'self'");
    } finally {
      await withTiles.close();
    }
  });
});
