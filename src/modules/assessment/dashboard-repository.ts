import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PeriodRange } from "../../platform/calendar/china-time.js";
import { OPEN_STATES } from "../orders/workflow/lifecycle.js";
import { insidePrefix } from "./repository.js";

const OPEN = sql.join(OPEN_STATES.map((state) => sql.lit(state)));

/**
 * 超期: a deadline that passed without a reply in time, replied late or not yet, the complement of
 * 按期办结 (so on-the-spot solving is never late, and rejected or merged orders owe no reply).
 */
const late = (now: Date) =>
  sql<boolean>`o.handling_due_at < ${now} AND NOT o.solved_on_spot AND o.state NOT IN ('rejected', 'merged')
    AND (o.replied_at IS NULL OR o.replied_at > o.handling_due_at)`;

/** 逾期未办: an open order past its deadline and still without a reply (the orders list's `overdue`). */
const overdueNow = (now: Date) => sql<boolean>`o.replied_at IS NULL AND o.handling_due_at < ${now}`;

/**
 * Orders per month: created, closed, and late (超期, by deadline month). `bounds` are the months' starts
 * plus the last month's end. Each month is a range count on the column's index (index-only for these
 * three), which beats bucketing a year of rows one by one.
 */
export async function monthlyTrend(db: Kysely<DB>, prefix: string, bounds: Date[], now: Date) {
  const months = sql.join(
    bounds
      .slice(0, -1)
      .map((start, i) => sql`(${sql.lit(i)}, ${start}::timestamptz, ${bounds[i + 1]}::timestamptz)`),
  );
  const scoped = prefix === "" ? sql`` : sql` AND ${insidePrefix(prefix)}`;
  const perMonth = async (
    column: "created_at" | "closed_at" | "handling_due_at",
    condition: RawBuilder<boolean>,
  ) => {
    const { rows } = await sql<{ n: number }>`
      SELECT (SELECT count(*)::int FROM orders o
              WHERE ${sql.ref(`o.${column}`)} >= m.s AND ${sql.ref(`o.${column}`)} < m.e AND ${condition}${scoped}) AS n
      FROM (VALUES ${months}) AS m(i, s, e) ORDER BY m.i`.execute(db);
    return rows.map((row) => row.n);
  };
  const [created, closed, overdue] = await Promise.all([
    perMonth("created_at", sql<boolean>`true`),
    perMonth("closed_at", sql<boolean>`o.state = 'closed'`),
    perMonth("handling_due_at", late(now)),
  ]);
  return created.map((n, i) => ({ created: n, closed: closed[i], overdue: overdue[i] }));
}

/** Orders registered in the period by a grouping expression (top-level category, channel, grid). */
async function registeredBy<K extends string | null>(
  db: Kysely<DB>,
  prefix: string,
  range: PeriodRange,
  key: RawBuilder<K>,
) {
  return db
    .selectFrom("orders as o")
    .select([key.as("key"), sql<number>`count(*)::int`.as("n")])
    .where("o.created_at", ">=", range.start)
    .where("o.created_at", "<", range.end)
    .$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)))
    .groupBy(key)
    .orderBy("n", "desc")
    .execute();
}

/** Orders registered in the period per top-level category (2-digit code; null when unclassified). */
export function categoryCounts(db: Kysely<DB>, prefix: string, range: PeriodRange) {
  return registeredBy(db, prefix, range, sql<string | null>`left(o.category_code, 2)`);
}

/** Orders registered in the period per intake channel. */
export function channelCounts(db: Kysely<DB>, prefix: string, range: PeriodRange) {
  return registeredBy(db, prefix, range, sql<string>`o.channel`);
}

/** Orders registered in the period per grid. */
export function gridCounts(db: Kysely<DB>, prefix: string, range: PeriodRange) {
  return registeredBy(db, prefix, range, sql<string | null>`o.grid_code`);
}

/** Open and overdue orders per grid now, whenever they were registered: what the live map colours. */
export async function openByGrid(db: Kysely<DB>, prefix: string, now: Date) {
  return db
    .selectFrom("orders as o")
    .select([
      "o.grid_code as key",
      sql<number>`count(*)::int`.as("open"),
      sql<number>`(count(*) FILTER (WHERE ${overdueNow(now)}))::int`.as("overdue"),
    ])
    .where(sql<boolean>`o.state IN (${OPEN})`)
    .$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)))
    .groupBy("o.grid_code")
    .execute();
}

/** The tiles' counts: registered today, open now, overdue now, closed in the period. */
export async function tileCounts(
  db: Kysely<DB>,
  prefix: string,
  today: PeriodRange,
  period: PeriodRange,
  now: Date,
) {
  const scoped = db.selectFrom("orders as o").$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)));
  const [registered, open, closed] = await Promise.all([
    scoped
      .select(sql<number>`count(*)::int`.as("n"))
      .where("o.created_at", ">=", today.start)
      .where("o.created_at", "<", today.end)
      .executeTakeFirstOrThrow(),
    scoped
      .select([
        sql<number>`count(*)::int`.as("n"),
        sql<number>`(count(*) FILTER (WHERE ${overdueNow(now)}))::int`.as("overdue"),
      ])
      .where(sql<boolean>`o.state IN (${OPEN})`)
      .executeTakeFirstOrThrow(),
    scoped
      .select(sql<number>`count(*)::int`.as("n"))
      .where("o.closed_at", ">=", period.start)
      .where("o.closed_at", "<", period.end)
      .where("o.state", "=", "closed")
      .executeTakeFirstOrThrow(),
  ]);
  return { newToday: registered.n, open: open.n, overdue: open.overdue, closed: closed.n };
}
