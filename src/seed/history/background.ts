import { sql } from "kysely";
import type { AppContext } from "../../modules/context.js";
import { generateHistory } from "./generate.js";
import { DEMO_ORDERS_PER_YEAR } from "./index.js";
import { storeHistory } from "./store.js";
import { loadWorld } from "./world.js";

const DAY_MS = 86_400_000;
/**
 * One week per step: about 1,200 orders in one transaction, so a request waits at most that long
 * (about 2 s). Each step has a fixed cost of about a third of a second, so two-day steps made the
 * year's fill 167 s instead of 120 s.
 */
const STEP_DAYS = 7;
const PAUSE_MS = 100;

export interface FillProgress {
  state: "filling" | "done" | "failed";
  /** Share of the year's days already filled, 0–100. */
  percent: number;
}

/**
 * Records that this database gets the demo year (now back to a year ago), for `fillDemoHistory` to
 * fill. Done before the server listens, so a process killed before the fill starts still resumes it.
 */
export async function planDemoHistory(
  ctx: AppContext,
  options: { ordersPerYear?: number; days?: number } = {},
): Promise<void> {
  const to = ctx.now();
  await ctx.db
    .insertInto("demo_history_fill")
    .values({
      from_at: new Date(to.getTime() - (options.days ?? 365) * DAY_MS),
      to_at: to,
      orders_per_year: options.ordersPerYear ?? DEMO_ORDERS_PER_YEAR,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * A pause for the requests that arrived meanwhile: PGlite runs on this thread and its queries chain as
 * promises without returning to the event loop, so background work calls this between its parts.
 */
export const letRequestsIn = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

/** Whether a demo year is planned and not yet filled. */
export async function demoHistoryPlanned(ctx: AppContext): Promise<boolean> {
  const plan = await ctx.db
    .selectFrom("demo_history_fill")
    .select("id")
    .where("finished_at", "is", null)
    .executeTakeFirst();
  return plan !== undefined;
}

/**
 * Fills the planned demo year while the server runs: newest week first (today's work appears first),
 * each week generated and stored in its own transaction. Resumable: a killed process loses at most the
 * week it was storing (rolled back), and the next fill goes on below the oldest order stored — the
 * same rule as `seedHistory`, so nothing is doubled. Returns at once when nothing is planned or all
 * is filled; `onProgress` hears the share filled after each week; `signal` stops it between weeks.
 */
export async function fillDemoHistory(
  ctx: AppContext,
  onProgress: (progress: FillProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<"filled" | "stopped" | "nothing to fill"> {
  const plan = await ctx.db
    .selectFrom("demo_history_fill")
    .selectAll()
    .where("finished_at", "is", null)
    .executeTakeFirst();
  if (!plan) return "nothing to fill";
  const from = plan.from_at.getTime();
  const span = plan.to_at.getTime() - from;
  const first = await ctx.db
    .selectFrom("orders")
    .select((eb) => eb.fn.min("created_at").as("at"))
    .executeTakeFirst();
  let to = Math.min(plan.to_at.getTime(), first?.at ? new Date(first.at).getTime() : Infinity);
  const world = await loadWorld(ctx);
  const report = () =>
    onProgress({ state: "filling", percent: Math.floor((100 * (plan.to_at.getTime() - to)) / span) });
  report();
  while (to > from) {
    // A week's store (and loading the world before the first) holds the event loop.
    await letRequestsIn();
    if (signal?.aborted) return "stopped";
    const stepFrom = Math.max(from, to - STEP_DAYS * DAY_MS);
    const orders = generateHistory(world, {
      ordersPerYear: plan.orders_per_year,
      window: { from: new Date(stepFrom), to: new Date(to) },
      now: ctx.now(),
      // A seed per week: the same week gets the same demands, each week different ones.
      seed: Math.floor(stepFrom / DAY_MS),
    });
    await storeHistory(ctx.db, ctx.vault, ctx.tokens, orders, { keys: "per row" });
    to = stepFrom;
    report();
  }
  // Fresh statistics, or the planner keeps guessing from an empty table (PGlite has no autovacuum).
  await sql`ANALYZE`.execute(ctx.db);
  await ctx.db.updateTable("demo_history_fill").set({ finished_at: ctx.now() }).execute();
  onProgress({ state: "done", percent: 100 });
  return "filled";
}
