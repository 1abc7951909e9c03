import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate, chinaDateTime } from "../../src/platform/calendar/china-time.js";
import { generateHistory } from "../../src/seed/history/generate.js";
import { type HistoryReport, seedHistory } from "../../src/seed/history/index.js";
import { loadWorld } from "../../src/seed/history/world.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { must, REPLY } from "../helpers/orders.js";

let t: TestApp;
let report: HistoryReport;
/** Thursday 2026-11-26 10:00 China time: the history ends here. */
const NOW = chinaDateTime("2026-11-26", "10:00");
const ORDERS = 500;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  report = await seedHistory(t.ctx, { ordersPerYear: ORDERS });
});
afterAll(() => t.close());

const rows = async <R>(query: ReturnType<typeof sql<R>>) => (await query.execute(t.ctx.db)).rows;

describe("a small demo history", () => {
  it("has the orders asked for, over the year before now", async () => {
    expect(report.rows.orders).toBe(ORDERS);
    const [span] = await rows<{ n: number; first: Date; last: Date }>(
      sql`SELECT count(*)::int AS n, min(created_at) AS first, max(created_at) AS last FROM orders`,
    );
    expect(span.n).toBe(ORDERS);
    expect(span.first.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 365 * 86_400_000);
    expect(span.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("leaves every order in the state its last event led to, after a first event `register`", async () => {
    const mismatches = await rows(sql`
      SELECT o.order_no FROM orders o
      JOIN LATERAL (SELECT to_state FROM order_events e WHERE e.order_id = o.id ORDER BY e.id DESC LIMIT 1) last ON true
      JOIN LATERAL (SELECT action FROM order_events e WHERE e.order_id = o.id ORDER BY e.id LIMIT 1) first ON true
      WHERE last.to_state <> o.state OR first.action <> 'register'`);
    expect(mismatches).toEqual([]);
  });

  it("keeps each order's events in time order, none after now, its version counting them", async () => {
    const wrong = await rows(sql`
      SELECT o.order_no FROM orders o JOIN order_events e ON e.order_id = o.id
      GROUP BY o.id HAVING count(*) <> o.version OR max(e.at) > ${NOW}::timestamptz OR max(e.at) <> o.updated_at
        OR bool_or(e.at < (SELECT max(p.at) FROM order_events p WHERE p.order_id = o.id AND p.id < e.id))`);
    expect(wrong).toEqual([]);
  });

  it("closes orders with a closing time and one of the three dispositions (件件有着落)", async () => {
    const [closed] = await rows<{ n: number; bad: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE closed_at IS NULL OR disposition IS NULL OR replied_at IS NULL)::int AS bad FROM orders WHERE state = 'closed'`);
    expect(closed.n).toBeGreaterThan(ORDERS * 0.8);
    expect(closed.bad).toBe(0);
  });

  it("numbers orders BL + China date + serial, uniquely, with the day counters past every serial", async () => {
    const orders = await rows<{ order_no: string; created_at: Date }>(
      sql`SELECT order_no, created_at FROM orders`,
    );
    expect(new Set(orders.map((o) => o.order_no)).size).toBe(ORDERS);
    for (const o of orders)
      expect(o.order_no).toMatch(new RegExp(`^BL${chinaDate(o.created_at).replaceAll("-", "")}\\d{4}$`));
    const behind = await rows(sql`
      SELECT c.day FROM order_counters c JOIN orders o ON substr(o.order_no, 3, 8) = c.day
      GROUP BY c.day, c.last_serial HAVING max(substr(o.order_no, 11)::int) > c.last_serial`);
    expect(behind).toEqual([]);
  });

  it("opens a visit only when the order (or the one it was merged into) is verified, one per round", async () => {
    const stray = await rows(sql`
      SELECT o.order_no, v.round FROM visits v JOIN orders o ON o.id = v.order_id
      WHERE NOT EXISTS (
        SELECT 1 FROM order_events e
        WHERE e.order_id = coalesce(o.merged_into_id, o.id) AND e.action = 'verify' AND e.at = v.created_at)`);
    expect(stray).toEqual([]);
    const early = await rows(
      sql`SELECT order_no FROM orders WHERE state IN ('registered', 'accepted', 'dispatched') AND id IN (SELECT order_id FROM visits)`,
    );
    expect(early).toEqual([]);
    const [done] = await rows<{ n: number; satisfied: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE solved <> 'unsolved' AND satisfied <> 'unsatisfied')::int AS satisfied FROM visits WHERE state = 'done'`);
    expect(done.satisfied / done.n).toBeGreaterThan(0.85);
  });

  it("puts deadlines after the dispatch they were computed from", async () => {
    const [d] = await rows<{ n: number; bad: number }>(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE handling_due_at <= dispatched_at OR response_due_at <= dispatched_at OR original_handling_due_at > handling_due_at)::int AS bad
      FROM orders WHERE dispatched_at IS NOT NULL AND NOT solved_on_spot`);
    expect(d.n).toBeGreaterThan(ORDERS * 0.8);
    expect(d.bad).toBe(0);
  });

  it("restores the foreign keys it checked after loading", async () => {
    const [keys] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conrelid = 'order_events'::regclass`);
    expect(keys.n).toBe(3);
  });

  it("encrypts each caller's phone once: a regular caller's demands share one ciphertext", async () => {
    const callers = await rows<{ demands: number; ciphers: number }>(sql`
      SELECT count(*)::int AS demands, count(DISTINCT caller_phone_cipher)::int AS ciphers FROM orders WHERE caller_phone_hash IS NOT NULL GROUP BY caller_phone_hash`);
    expect(callers.every((c) => c.ciphers === 1)).toBe(true);
    expect(callers.some((c) => c.demands > 1)).toBe(true);
  });

  it("is history the application carries on with: a unit replies to an order it is handling", async () => {
    const [open] = await rows<{ id: string; code: string }>(sql`
      SELECT o.id, u.code FROM orders o JOIN units u ON u.id = o.main_unit_id WHERE o.state = 'handling' ORDER BY o.id LIMIT 1`);
    expect(open, "an order still being handled in the last weeks").toBeDefined();
    const replied = await must(t, `${open.code}-handler`, open.id, "reply", REPLY);
    expect(replied.state).toBe("replied");
  });

  it("does not double when run again, adding only what lies before the first stored demand", async () => {
    const again = await seedHistory(t.ctx, { ordersPerYear: ORDERS });
    expect(again.to.getTime()).toBeLessThan(NOW.getTime());
    expect(again.rows.orders).toBeLessThan(5);
  });
});

describe("determinism", () => {
  it("gives the same history for the same seed and now, and another for another seed", async () => {
    const world = await loadWorld(t.ctx);
    const options = {
      ordersPerYear: 200,
      window: { from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW },
      now: NOW,
      seed: 7,
    };
    const snapshot = (seed: number) =>
      JSON.stringify(
        generateHistory(world, { ...options, seed }).map((o) => [
          o.timeline.row,
          o.timeline.events,
          o.timeline.visits,
          o.caller,
        ]),
      );
    expect(snapshot(7)).toBe(snapshot(7));
    expect(snapshot(8)).not.toBe(snapshot(7));
  });
});
