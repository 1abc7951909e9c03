import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyEventChains } from "../../src/modules/audit/verify.js";
import { chinaDateTime } from "../../src/platform/calendar/china-time.js";
import { type FillProgress, fillDemoHistory, planDemoHistory } from "../../src/seed/history/background.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
/** The first start: the planned history ends here, 8 weeks and a bit after it begins. */
const NOW = chinaDateTime("2026-11-26", "10:00");
const DAYS = 60;
const ORDERS_PER_YEAR = 3000;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(NOW);
  await planDemoHistory(t.ctx, { ordersPerYear: ORDERS_PER_YEAR, days: DAYS });
});
afterAll(() => t.close());

const span = async () =>
  (
    await sql<{ n: number; first: Date | null; last: Date | null }>`
      SELECT count(*)::int AS n, min(created_at) AS first, max(created_at) AS last FROM orders`.execute(
      t.ctx.db,
    )
  ).rows[0];

describe("the demo year filled in the background", () => {
  let stoppedAt: Awaited<ReturnType<typeof span>>;
  const progress: FillProgress[] = [];

  it("fills newest week first, reporting its progress, and stops between weeks when asked", async () => {
    const stop = new AbortController();
    const outcome = await fillDemoHistory(
      t.ctx,
      (p) => {
        progress.push(p);
        if (progress.length === 4) stop.abort();
      },
      stop.signal,
    );
    expect(outcome).toBe("stopped");
    expect(progress.map((p) => p.state)).toEqual(["filling", "filling", "filling", "filling"]);
    expect(progress[0].percent).toBe(0);
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[3]).toBeGreaterThan(0);
    expect(percents[3]).toBeLessThan(100);
    stoppedAt = await span();
    expect(stoppedAt.n).toBeGreaterThan(0);
    // Three weeks back from the first start, the most recent ones.
    expect(stoppedAt.last?.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(stoppedAt.first?.getTime()).toBeGreaterThan(NOW.getTime() - 22 * 86_400_000);
    const plan = await t.ctx.db.selectFrom("demo_history_fill").selectAll().executeTakeFirstOrThrow();
    expect(plan.finished_at).toBeNull();
  });

  it("is resumed by the next start below the oldest order stored, adding the rest and nothing twice", async () => {
    // The restart happens later: what was stored stays, the rest of the year is added before it.
    t.setNow(new Date(NOW.getTime() + 3_600_000));
    const resumed: FillProgress[] = [];
    expect(await fillDemoHistory(t.ctx, (p) => resumed.push(p))).toBe("filled");
    // It goes on from the oldest order stored, a little after the start of the last week stored.
    expect(resumed[0].percent).toBeLessThanOrEqual(progress[3].percent);
    expect(resumed[0].percent).toBeGreaterThanOrEqual(progress[3].percent - 2);
    expect(resumed.at(-1)).toEqual({ state: "done", percent: 100 });
    const filled = await span();
    expect(filled.last).toEqual(stoppedAt.last);
    expect(filled.first?.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - DAYS * 86_400_000);
    // About the year's share of 60 days, give or take the season.
    expect(filled.n).toBeGreaterThan(ORDERS_PER_YEAR * (DAYS / 365) * 0.6);
    expect(filled.n).toBeLessThan(ORDERS_PER_YEAR * (DAYS / 365) * 1.6);
    const { rows: twice } =
      await sql`SELECT order_no FROM orders GROUP BY order_no HAVING count(*) > 1`.execute(t.ctx.db);
    expect(twice).toEqual([]);
    expect(await verifyEventChains(t.ctx.db)).toEqual([]);
  });

  it("has nothing to do once the year is filled, nor on a database that never planned one", async () => {
    expect(await fillDemoHistory(t.ctx)).toBe("nothing to fill");
    const plan = await t.ctx.db.selectFrom("demo_history_fill").selectAll().executeTakeFirstOrThrow();
    expect(plan.finished_at).not.toBeNull();
    await t.ctx.db.deleteFrom("demo_history_fill").execute();
    expect(await fillDemoHistory(t.ctx)).toBe("nothing to fill");
    expect((await span()).n).toBeGreaterThan(0);
  });
});
