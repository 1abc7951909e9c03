import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { chinaDate, type PeriodRange } from "../../platform/calendar/china-time.js";

/**
 * 三联一进 counted per leader for a period: each leader linked to a community inside the prefix, with
 * the 社区工作日 held, the demands raised from them and how many of those are closed, the urgent
 * cases coordinated and the practical problems solved (what the source reports: 365 and 2,600+).
 */
export async function leaderCounts(db: Kysely<DB>, filter: { prefix: string; range: PeriodRange }) {
  const first = chinaDate(filter.range.start);
  const last = chinaDate(new Date(filter.range.end.getTime() - 1));
  // The leader's days in the period, and the demands they raised (one row per demand).
  const inPeriod = sql`w.leader_id = l.user_id AND w.worked_on BETWEEN ${first} AND ${last}`;
  const days = (expression: string) =>
    sql<number>`(SELECT ${sql.raw(expression)} FROM work_days w WHERE ${inPeriod})`;
  const raised = (condition: string) =>
    sql<number>`(SELECT count(*)::int FROM work_days w JOIN work_day_orders x ON x.work_day_id = w.id
      JOIN orders o ON o.id = x.order_id WHERE ${inPeriod} AND ${sql.raw(condition)})`;
  return db
    .selectFrom("field_links as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .innerJoin("regions as r", "r.code", "l.region_code")
    .select([
      "l.user_id",
      "u.display_name",
      "l.region_code",
      "r.name as region_name",
      days("count(*)::int").as("work_days"),
      days("coalesce(sum(w.cases_coordinated), 0)::int").as("cases_coordinated"),
      days("coalesce(sum(w.problems_solved), 0)::int").as("problems_solved"),
      raised("true").as("demands_raised"),
      raised("o.state = 'closed'").as("demands_closed"),
    ])
    .where("l.kind", "=", "leader_community")
    .where("l.active", "=", true)
    .where("l.region_code", "like", `${filter.prefix}%`)
    .orderBy("l.region_code")
    .execute();
}
