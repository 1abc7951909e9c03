import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { chinaDate, type PeriodRange } from "../../platform/calendar/china-time.js";
import { insidePrefix } from "../assessment/repository.js";
import type { Ledger } from "./labels.js";

/** Which orders a sheet lists: one of the 四本台账, or the 问题清单 / 解决清单. */
export type OrderBook = { kind: "ledger"; ledger: Ledger } | { kind: "problems" } | { kind: "solved" };

/** Where and when: a jurisdiction's region prefix ("" for all) and a China-time period. */
export interface BookFilter {
  prefix: string;
  range: PeriodRange;
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Orders of a book, newest first, with the names a sheet shows and the latest return visit's result.
 * Ledgers and the 问题清单 count orders registered in the period; the 解决清单 those closed in it with
 * the disposition 限时解决到位 (solved).
 */
export async function pageOrders(db: Kysely<DB>, book: OrderBook, filter: BookFilter, page: Page) {
  const instant = book.kind === "solved" ? "o.closed_at" : "o.created_at";
  let base = db
    .selectFrom("orders as o")
    .where(instant, ">=", filter.range.start)
    .where(instant, "<", filter.range.end)
    .$if(filter.prefix !== "", (qb) => qb.where(insidePrefix(filter.prefix)));
  if (book.kind === "ledger") base = base.where("o.ledger", "=", book.ledger);
  if (book.kind === "solved")
    base = base.where("o.state", "=", "closed").where("o.disposition", "=", "solved");
  const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("categories as c", "c.code", "o.category_code")
    .leftJoin("units as u", "u.id", "o.main_unit_id")
    .select([
      "o.id",
      "o.order_no",
      "o.channel",
      "o.demand_type",
      "o.category_code",
      "c.name as category_name",
      "o.title",
      "o.content",
      "o.reply_text",
      "o.address",
      "o.region_code",
      "o.state",
      "o.ledger",
      "u.name as unit_name",
      "o.solved_on_spot",
      "o.disposition",
      "o.created_at",
      "o.dispatched_at",
      "o.handling_due_at",
      "o.replied_at",
      "o.closed_at",
    ])
    .select([latestVisit("solved").as("visit_solved"), latestVisit("satisfied").as("visit_satisfied")])
    .orderBy(instant, "desc")
    .orderBy("o.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: total.n, rows };
}

export type OrderLine = Awaited<ReturnType<typeof pageOrders>>["rows"][number];

/** The caller's answer at the order's latest return visit (一事一评). */
function latestVisit(column: "solved" | "satisfied") {
  return sql<
    string | null
  >`(SELECT v.${sql.ref(column)} FROM visits v WHERE v.order_id = o.id AND v.state = 'done' ORDER BY v.round DESC LIMIT 1)`;
}

/** The period's first and last China dates, for date columns. */
function dayBounds(range: PeriodRange): { first: string; last: string } {
  return { first: chinaDate(range.start), last: chinaDate(new Date(range.end.getTime() - 1)) };
}

/** Where a field visit came from: a 民情日记 entry or a leader's 社区工作日. */
export type VisitSource = "diary" | "work_day";

/** 走访清单: leaders' and grid workers' field visits in the period, newest first. */
export async function pageFieldVisits(db: Kysely<DB>, filter: BookFilter, page: Page) {
  const { first, last } = dayBounds(filter.range);
  const base = db
    .selectFrom("field_visits as f")
    .where("f.visited_on", ">=", first)
    .where("f.visited_on", "<=", last)
    .$if(filter.prefix !== "", (qb) => qb.where("f.region_code", "like", `${filter.prefix}%`));
  const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin("users as u", "u.id", "f.visitor_id")
    .leftJoin("diary_entries as d", "d.field_visit_id", "f.id")
    .leftJoin("work_days as w", "w.field_visit_id", "f.id")
    .select([
      "f.id",
      "f.visited_on",
      "u.display_name as visitor_name",
      "u.role as visitor_role",
      "f.region_code",
      "f.households",
      "f.summary",
      // What the visit was written as; null for one recorded with an order (入户访).
      sql<VisitSource | null>`CASE WHEN d.id IS NOT NULL THEN 'diary' WHEN w.id IS NOT NULL THEN 'work_day' END`.as(
        "source",
      ),
    ])
    .orderBy("f.visited_on", "desc")
    .orderBy("f.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: total.n, rows };
}

export type FieldVisitLine = Awaited<ReturnType<typeof pageFieldVisits>>["rows"][number];

/**
 * 制度清单: rules adopted in the period (all when no period is given) that apply to the jurisdiction,
 * i.e. made inside it or by a region containing it (a district rule binds every street). Each lists the
 * numbers of the linked orders that lie inside the jurisdiction, and how many it links in all.
 */
export async function pageRules(
  db: Kysely<DB>,
  filter: { prefix: string; range: PeriodRange | null; id?: string },
  page: Page,
) {
  const base = db
    .selectFrom("institution_rules as r")
    .$if(filter.range !== null, (qb) => {
      const { first, last } = dayBounds(filter.range as PeriodRange);
      return qb.where("r.adopted_on", ">=", first).where("r.adopted_on", "<=", last);
    })
    .$if(filter.prefix !== "", (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("r.region_code", "like", `${filter.prefix}%`),
          eb(eb.val(filter.prefix), "like", sql<string>`r.region_code || '%'`),
        ]),
      ),
    )
    .$if(filter.id !== undefined, (qb) => qb.where("r.id", "=", filter.id as string));
  const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const inside = filter.prefix === "" ? sql`true` : sql`o.region_code LIKE ${`${filter.prefix}%`}`;
  const rows = await base
    .leftJoin("categories as c", "c.code", "r.category_code")
    .select([
      "r.id",
      "r.title",
      "r.content",
      "r.region_code",
      "r.category_code",
      "c.name as category_name",
      "r.adopted_on",
      "r.created_at",
    ])
    .select([
      sql<{ id: string; orderNo: string; title: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', o.id::text, 'orderNo', o.order_no, 'title', o.title) ORDER BY o.order_no)
        FROM institution_rule_orders ro JOIN orders o ON o.id = ro.order_id
        WHERE ro.rule_id = r.id AND ${inside}), '[]'::json)`.as("orders"),
      sql<number>`(SELECT count(*)::int FROM institution_rule_orders ro WHERE ro.rule_id = r.id)`.as(
        "order_count",
      ),
    ])
    .orderBy("r.adopted_on", "desc")
    .orderBy("r.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: total.n, rows };
}

export type RuleLine = Awaited<ReturnType<typeof pageRules>>["rows"][number];
