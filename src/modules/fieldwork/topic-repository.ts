import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PeriodRange } from "../../platform/calendar/china-time.js";

/**
 * A district's topics (每月一题) up to a month, newest first, each with the 共性问题 it was chosen from
 * (if any) and the sums of the leaders' work days on it: counts only, never a name or a text of a day.
 */
export async function topicsWithWork(db: Kysely<DB>, districtCode: string, upToMonth: string) {
  return db
    .selectFrom("monthly_topics as t")
    .leftJoin("warnings as w", (join) =>
      join.onRef("w.id", "=", "t.warning_id").on("w.rule", "=", "common_problem"),
    )
    .select([
      "t.id",
      "t.month",
      "t.title",
      "w.category_code as warning_category",
      "w.region_code as warning_region",
      "w.detail as warning_detail",
      sql<number>`(SELECT count(*) FROM work_days d WHERE d.topic_id = t.id)::int`.as("work_days"),
      sql<number>`(SELECT count(DISTINCT d.leader_id) FROM work_days d WHERE d.topic_id = t.id)::int`.as(
        "leaders",
      ),
      sql<number>`(SELECT count(DISTINCT d.region_code) FROM work_days d WHERE d.topic_id = t.id)::int`.as(
        "communities",
      ),
      sql<number>`(SELECT coalesce(sum(d.cases_coordinated), 0) FROM work_days d WHERE d.topic_id = t.id)::int`.as(
        "cases_coordinated",
      ),
      sql<number>`(SELECT coalesce(sum(d.problems_solved), 0) FROM work_days d WHERE d.topic_id = t.id)::int`.as(
        "problems_solved",
      ),
      sql<number>`(SELECT coalesce(sum(v.households), 0) FROM work_days d JOIN field_visits v ON v.id = d.field_visit_id WHERE d.topic_id = t.id)::int`.as(
        "households",
      ),
      // Demands a work day raised, and how many of them are closed by now.
      sql<number>`(SELECT count(*) FROM work_days d JOIN work_day_orders x ON x.work_day_id = d.id WHERE d.topic_id = t.id)::int`.as(
        "demands_raised",
      ),
      sql<number>`(SELECT count(*) FROM work_days d JOIN work_day_orders x ON x.work_day_id = d.id JOIN orders o ON o.id = x.order_id
        WHERE d.topic_id = t.id AND (o.state = 'closed' OR o.solved_on_spot))::int`.as("demands_closed"),
    ])
    .where("t.region_code", "=", districtCode)
    .where("t.month", "<=", upToMonth)
    .orderBy("t.month", "desc")
    .execute();
}

/**
 * Demands of one problem (a level-3 category) inside a region, registered in a period, and how many of
 * them are closed by now; rejected and merged ones are not demands of their own (as the 共性问题 rule).
 */
export async function problemDemands(
  db: Kysely<DB>,
  problem: { categoryCode: string; regionCode: string },
  range: PeriodRange,
): Promise<{ registered: number; closed: number }> {
  const row = await db
    .selectFrom("orders")
    .select([
      sql<number>`count(*)::int`.as("registered"),
      sql<number>`(count(*) FILTER (WHERE state = 'closed' OR solved_on_spot))::int`.as("closed"),
    ])
    .where("created_at", ">=", range.start)
    .where("created_at", "<", range.end)
    .where("category_code", "=", problem.categoryCode)
    .where(sql<boolean>`left(region_code, ${sql.lit(problem.regionCode.length)}) = ${problem.regionCode}`)
    .where("state", "not in", ["rejected", "merged"])
    .executeTakeFirstOrThrow();
  return row;
}
