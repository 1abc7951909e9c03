import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PeriodRange } from "../../platform/calendar/china-time.js";
import { type KpiCounts, kpiCounts } from "./formulas.js";
import type { Level } from "./scope.js";

/** Whose orders to count and when: subjects of one level inside a region prefix, over one period. */
export interface CountQuery {
  level: Level;
  /** Region-code prefix of the jurisdiction ("" for everything). */
  prefix: string;
  range: PeriodRange;
}

/**
 * Who an order counts for (归属): its main unit, its community or street, the district. Events are
 * the exception at unit level, see `EVENT_KEY`.
 */
const ORDER_KEY: Record<Level, RawBuilder<string | null>> = {
  district: sql`left(o.region_code, 6)`,
  street: sql`o.street_code`,
  community: sql`o.community_code`,
  unit: sql`o.main_unit_id::text`,
};

/**
 * A dispatch, return, urge or supervision is charged to the unit the event names (the unit dispatched
 * to, the unit that returned it, the unit urged), since by the time of counting the order may belong to
 * another unit: a returned order's main unit is the one it was redispatched to. Events that name no
 * unit (重办) fall back to the order's main unit.
 */
const EVENT_KEY: Record<Level, RawBuilder<string | null>> = {
  ...ORDER_KEY,
  unit: sql`coalesce(e.unit_id, o.main_unit_id)::text`,
};

const count = (condition: RawBuilder<unknown>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
const between = (column: string, range: PeriodRange) =>
  sql`${sql.ref(column)} >= ${range.start} AND ${sql.ref(column)} < ${range.end}`;
/**
 * Inside the jurisdiction. Written as `left(…) = …` rather than LIKE on purpose: a period's rows are
 * best found through the period's index, and the region index would make PostgreSQL read a busy
 * street's whole history to keep one month of it.
 */
export const insidePrefix = (prefix: string) =>
  sql<boolean>`left(o.region_code, ${sql.lit(prefix.length)}) = ${prefix}`;

/** The three aggregations behind the KPIs, by the table they read. */
export type CountSource = "orders" | "visits" | "events";

/**
 * The counts behind every KPI, per subject key, in three single-pass aggregations run side by side
 * (orders by dispatch/deadline/reply time, visits by visit time, events by event time); each reads only
 * the period's rows through the index on its instant. A caller needing fewer KPIs names its sources;
 * the others stay zero.
 */
export async function countKpis(
  db: Kysely<DB>,
  query: CountQuery,
  sources: readonly CountSource[] = ["orders", "visits", "events"],
): Promise<Map<string, KpiCounts>> {
  const counters = { orders: countOrders, visits: countVisits, events: countEvents };
  const results = await Promise.all(sources.map((source) => counters[source](db, query)));
  const byKey = new Map<string, KpiCounts>();
  for (const row of results.flat()) {
    if (row.key === null) continue;
    const { key, ...counts } = row;
    byKey.set(key, { ...(byKey.get(key) ?? kpiCounts()), ...counts });
  }
  return byKey;
}

/** 响应率 by dispatch time, 按期办结率/办结率 by deadline, 平均办理时长 by reply time. */
async function countOrders(db: Kysely<DB>, { level, prefix, range }: CountQuery) {
  const dispatched = between("o.dispatched_at", range);
  // Rejected or merged orders owe no reply even when a deadline was set before a return.
  const due = sql`${between("o.handling_due_at", range)} AND o.state NOT IN ('rejected', 'merged')`;
  const replied = sql`${between("o.replied_at", range)} AND o.dispatched_at IS NOT NULL`;
  // 就地办结 at grid level counts as responded and closed on time, whatever its timestamps say.
  const onSpot = sql`o.solved_on_spot`;
  const rows = await db
    .selectFrom("orders as o")
    .select([
      ORDER_KEY[level].as("key"),
      count(dispatched).as("dispatched"),
      count(sql`${dispatched} AND (${onSpot} OR o.signed_at <= o.response_due_at)`).as("responded"),
      count(due).as("due"),
      count(sql`${due} AND (${onSpot} OR o.replied_at <= o.handling_due_at)`).as("onTime"),
      count(sql`${due} AND (${onSpot} OR o.state = 'closed')`).as("closed"),
      count(replied).as("replied"),
      sql<number>`coalesce(sum(extract(epoch FROM o.replied_at - o.dispatched_at)) FILTER (WHERE ${replied}), 0)::float8`.as(
        "handlingSeconds",
      ),
    ])
    // Parenthesised as a whole: Kysely joins raw conditions with AND as they are.
    .where(sql<boolean>`((${dispatched}) OR (${due}) OR (${replied}))`)
    .$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)))
    .groupBy(ORDER_KEY[level])
    .execute();
  return rows;
}

/** 解决率, 满意率: return visits done in the period. */
async function countVisits(db: Kysely<DB>, { level, prefix, range }: CountQuery) {
  return db
    .selectFrom("visits as v")
    .innerJoin("orders as o", "o.id", "v.order_id")
    .select([
      ORDER_KEY[level].as("key"),
      sql<number>`count(*)::int`.as("rated"),
      count(sql`v.solved = 'solved'`).as("solved"),
      count(sql`v.solved = 'partly'`).as("partly"),
      count(sql`v.satisfied = 'satisfied'`).as("satisfied"),
      count(sql`v.satisfied = 'basically'`).as("basically"),
    ])
    .where("v.state", "=", "done")
    .where("v.visited_at", ">=", range.start)
    .where("v.visited_at", "<", range.end)
    .$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)))
    .groupBy(ORDER_KEY[level])
    .execute();
}

/** 重办率, 退单率, 督办 count: lifecycle events in the period. */
async function countEvents(db: Kysely<DB>, { level, prefix, range }: CountQuery) {
  return db
    .selectFrom("order_events as e")
    .innerJoin("orders as o", "o.id", "e.order_id")
    .select([
      EVENT_KEY[level].as("key"),
      count(sql`e.action = 'reopen'`).as("reopens"),
      count(sql`e.action = 'dispatch'`).as("dispatches"),
      count(sql`e.action = 'return'`).as("returns"),
      count(sql`e.action IN ('urge', 'supervise')`).as("supervisions"),
    ])
    .where("e.action", "in", ["reopen", "dispatch", "return", "urge", "supervise"])
    .where("e.at", ">=", range.start)
    .where("e.at", "<", range.end)
    .$if(prefix !== "", (qb) => qb.where(insidePrefix(prefix)))
    .groupBy(EVENT_KEY[level])
    .execute();
}

/** The regions of one level inside a prefix, by code: the subjects a region level ranks. */
export async function regionsAt(db: Kysely<DB>, level: "district" | "street" | "community", prefix: string) {
  return db
    .selectFrom("regions")
    .select(["code", "name"])
    .where("level", "=", level)
    .$if(prefix !== "", (qb) => qb.where("code", "like", `${prefix}%`))
    .orderBy("code")
    .execute();
}

/** Unit names by id. */
export async function unitNames(db: Kysely<DB>, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("units").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
