import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_ORDER,
  TRACKING_WINDOW_MS,
} from "../../src/modules/orders/tracking.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/**
 * Finding 1: /api/track answered 200 only for the caller's phone, unthrottled, so trying 0000–9999
 * recovered the masked digits. Now: a random code, throttles, and a record of every attempt.
 */
let t: TestApp;
let order: { orderNo: string; trackingCode: string; caller: { phone: string } };

beforeAll(async () => {
  t = await createTestApp();
  const response = await submit(t, "resident", {
    channel: "online",
    content: "楼道里的声控灯坏了，晚上上下楼看不见",
    location: await pointInGrid(t, await regionOf(t, "gridworker")),
    caller: { phone: "13612342222" },
  });
  expect(response.statusCode, response.body).toBe(201);
  order = response.json();
}, 180_000);
afterAll(() => t.close());

/**
 * Forty times the per-order throttle (50): past it every answer is the same 429, so the old oracle's whole
 * 0000–9999 space would only repeat it (and take minutes of CI on each database).
 */
const ATTEMPTS = 2_000;

describe("a brute force against one order's tracking", () => {
  it("learns nothing in 2,000 attempts from many addresses, and every attempt is recorded", async () => {
    const statuses = new Map<number, number>();
    const bodies = new Set<string>();
    const attempt = async (i: number) => {
      // Values of the masked phone's four hidden digits (the old oracle), from 100 addresses.
      const guess = String(i).padStart(4, "0").padStart(10, "A");
      const response = await t.app.inject({
        url: `/api/track?orderNo=${order.orderNo}&code=${guess}`,
        remoteAddress: `10.0.${i % 100}.1`,
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      bodies.add(`${response.statusCode} ${response.json().code}`);
    };
    // One at a time up to the throttle, then ten at a time (past it, every answer is the same).
    const SEQUENTIAL = MAX_FAILURES_PER_ORDER + 10;
    for (let i = 0; i < SEQUENTIAL; i++) await attempt(i);
    for (let i = SEQUENTIAL; i < ATTEMPTS; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => attempt(i + k)));
    }
    // The old phone parameter is refused outright.
    const byPhone = await t.app.inject({
      url: `/api/track?orderNo=${order.orderNo}&phone=${order.caller.phone}`,
    });
    expect(byPhone.statusCode).toBe(400);
    expect(statuses.get(200)).toBeUndefined();
    expect([...bodies].sort()).toEqual(["404 NOT_FOUND", "429 RATE_LIMITED"]);
    expect(statuses.get(404)).toBe(MAX_FAILURES_PER_ORDER);
    const recorded = await t.ctx.db
      .selectFrom("attempts")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("kind", "=", "tracking")
      .where("subject", "=", order.orderNo)
      .executeTakeFirstOrThrow();
    expect(Number(recorded.n)).toBe(ATTEMPTS);
  }, 600_000);

  it("throttles per order: even the right code waits (429 with Retry-After) until the window passes", async () => {
    const right = await t.app.inject({
      url: `/api/track?orderNo=${order.orderNo}&code=${order.trackingCode}`,
      remoteAddress: "10.9.9.9",
    });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    t.setNow(new Date(Date.now() + TRACKING_WINDOW_MS + 1000));
    const later = await t.app.inject({
      url: `/api/track?orderNo=${order.orderNo}&code=${order.trackingCode}`,
      remoteAddress: "10.9.9.9",
    });
    expect(later.statusCode, later.body).toBe(200);
    t.setNow(null);
  });

  it("throttles per client address across order numbers", async () => {
    const address = "10.7.7.7";
    const answers: number[] = [];
    for (let i = 0; i <= MAX_FAILURES_PER_CLIENT; i++) {
      const response = await t.app.inject({
        url: `/api/track?orderNo=BL2099010100${String(i).padStart(2, "0")}&code=0000000000`,
        remoteAddress: address,
      });
      answers.push(response.statusCode);
    }
    expect(answers.filter((s) => s === 404)).toHaveLength(MAX_FAILURES_PER_CLIENT);
    expect(answers.at(-1)).toBe(429);
  });
});
