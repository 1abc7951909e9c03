import { sql } from "kysely";
import type { AppContext } from "../../modules/context.js";
import { generateHistory } from "./generate.js";
import { storeHistory } from "./store.js";
import { loadWorld } from "./world.js";

/** 2020年承办热线工单64000余件: the district's year, the default size of the demo history. */
export const DEMO_ORDERS_PER_YEAR = 64_000;
const DAY_MS = 86_400_000;

export interface SeedHistoryOptions {
  /** Demands in a full year of history; a shorter history gets its share. Default 64,000. */
  ordersPerYear?: number;
  /** How far back from now the history reaches. Default 365 days. */
  days?: number;
  /** The random seed: the same seed, world and "now" give the same history. */
  seed?: number;
}

export interface HistoryReport {
  from: Date;
  to: Date;
  /** Rows written per table. */
  rows: Record<string, number>;
  generateMs: number;
  storeMs: number;
}

/**
 * Adds a realistic history of demands (demo data) ending now: generated in memory from a seed, then
 * bulk-stored. It fills the time before the first demand already stored, so running it on a database
 * that has a shorter history (or real demands) extends it back instead of doubling it. Needs the
 * reference data and the demo accounts.
 */
export async function seedHistory(ctx: AppContext, options: SeedHistoryOptions = {}): Promise<HistoryReport> {
  const ordersPerYear = options.ordersPerYear ?? DEMO_ORDERS_PER_YEAR;
  if (!Number.isInteger(ordersPerYear) || ordersPerYear < 0)
    throw new RangeError(`the number of orders must be a whole number ≥ 0, not ${ordersPerYear}`);
  const now = ctx.now();
  const from = new Date(now.getTime() - (options.days ?? 365) * DAY_MS);
  const first = await ctx.db
    .selectFrom("orders")
    .select((eb) => eb.fn.min("created_at").as("at"))
    .executeTakeFirst();
  const firstAt = first?.at ? new Date(first.at) : null;
  const to = firstAt && firstAt < now ? firstAt : now;
  const started = performance.now();
  const world = await loadWorld(ctx);
  const orders =
    to > from
      ? generateHistory(world, { ordersPerYear, window: { from, to }, now, seed: options.seed ?? 610103 })
      : [];
  const generated = performance.now();
  const rows = await storeHistory(ctx.db, ctx.vault, ctx.tokens, orders);
  // Fresh statistics, or the planner keeps guessing from an empty table (PGlite has no autovacuum).
  await sql`ANALYZE`.execute(ctx.db);
  return { from, to, rows, generateMs: generated - started, storeMs: performance.now() - generated };
}

/** `seedHistory` for the command line and the first start, saying what it does and what it did. */
export async function seedDemoHistory(
  ctx: AppContext,
  options: SeedHistoryOptions = {},
  log: (line: string) => void = console.log,
): Promise<HistoryReport> {
  log(
    `demo history: generating ${options.ordersPerYear ?? DEMO_ORDERS_PER_YEAR} orders a year over ${options.days ?? 365} days …`,
  );
  const report = await seedHistory(ctx, options);
  const { orders, events } = report.rows;
  log(
    `demo history: ${orders} orders and ${events} events up to ${report.to.toISOString()} (generated in ${Math.round(report.generateMs)} ms, stored in ${Math.round(report.storeMs)} ms)`,
  );
  return report;
}
