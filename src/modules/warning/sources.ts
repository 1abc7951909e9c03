/** The SQL that feeds the rules: plain rows out, the judging is in the rule files. */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { COMMON_MIN_COMMUNITIES, type CommonRow } from "./common-problem.js";
import { type DueSoonRow, RUNNING_STATES } from "./due-soon.js";
import { REPEAT_MIN_DEMANDS, type RepeatRow } from "./repeats.js";
import { BASELINE_WEEKS, type SpikeCell } from "./spike.js";
import { daysBefore } from "./types.js";

const MS_PER_WEEK = 7 * 86_400_000;

/**
 * Orders of the last BASELINE_WEEKS + 1 rolling weeks counted per grid, category and week
 * (0 = the last 7 days). Rejected demands are not demands about the place and are left out.
 */
export async function spikeCells(db: Kysely<DB>, now: Date): Promise<SpikeCell[]> {
  const since = new Date(now.getTime() - (BASELINE_WEEKS + 1) * MS_PER_WEEK);
  const weekStart = daysBefore(now, 7);
  const { rows } = await sql<{
    grid_code: string | null;
    community_code: string | null;
    category_code: string;
    week: number;
    count: number;
    order_ids: string[] | null;
  }>`
    SELECT grid_code, community_code, category_code,
      floor(extract(epoch FROM (${now}::timestamptz - created_at)) * 1000 / ${MS_PER_WEEK})::int AS week,
      count(*)::int AS count,
      array_agg(id::text ORDER BY id) FILTER (WHERE created_at > ${weekStart}::timestamptz) AS order_ids
    FROM orders
    WHERE created_at > ${since}::timestamptz AND created_at <= ${now}::timestamptz
      AND category_code IS NOT NULL AND state <> 'rejected'
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows.map((r) => ({
    gridCode: r.grid_code,
    communityCode: r.community_code,
    categoryCode: r.category_code,
    week: r.week,
    count: r.count,
    orderIds: r.order_ids ?? [],
  }));
}

/**
 * Orders of the window with an address, or from a caller with REPEAT_MIN_DEMANDS or more in it (that
 * grouping is cheap in SQL; addresses are normalised by the rule, so they all come).
 */
export async function repeatRows(db: Kysely<DB>, now: Date, windowDays: number): Promise<RepeatRow[]> {
  const since = daysBefore(now, windowDays);
  const rows = await db
    .selectFrom("orders")
    .select([
      "id",
      "caller_phone_hash",
      "caller_phone_masked",
      "address",
      "region_code",
      "category_code",
      "created_at",
    ])
    .where("created_at", ">", since)
    .where("created_at", "<=", now)
    .where((eb) =>
      eb.or([
        eb("address", "is not", null),
        eb(
          "caller_phone_hash",
          "in",
          eb
            .selectFrom("orders")
            .select("caller_phone_hash")
            .where("created_at", ">", since)
            .where("created_at", "<=", now)
            .where("caller_phone_hash", "is not", null)
            .groupBy("caller_phone_hash")
            .having(sql`count(*)`, ">=", REPEAT_MIN_DEMANDS),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    phoneHash: r.caller_phone_hash,
    phoneMasked: r.caller_phone_masked,
    address: r.address,
    regionCode: r.region_code,
    categoryCode: r.category_code,
    createdAt: r.created_at,
  }));
}

/**
 * Level-3 demands of the window from categories already seen in COMMON_MIN_COMMUNITIES communities,
 * leaving out rejected and merged ones (a merged demand is counted through the one it joined) and
 * those already filed as 共性问题.
 */
export async function commonRows(db: Kysely<DB>, now: Date, windowDays: number): Promise<CommonRow[]> {
  const since = daysBefore(now, windowDays);
  const inWindow = db
    .selectFrom("orders")
    .where("created_at", ">", since)
    .where("created_at", "<=", now)
    .where(sql`length(category_code)`, "=", 6)
    .where("community_code", "is not", null)
    .where("state", "not in", ["rejected", "merged"])
    .where("ledger", "!=", "common");
  const rows = await inWindow
    .select(["id", "category_code", "community_code"])
    .where(
      "category_code",
      "in",
      inWindow
        .select("category_code")
        .groupBy("category_code")
        .having(sql`count(DISTINCT community_code)`, ">=", COMMON_MIN_COMMUNITIES),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    categoryCode: r.category_code as string,
    communityCode: r.community_code as string,
  }));
}

/** Orders being handled whose handling deadline lies in (now, cutoff]. */
export async function dueSoonRows(db: Kysely<DB>, now: Date, cutoff: Date): Promise<DueSoonRow[]> {
  const rows = await db
    .selectFrom("orders as o")
    .leftJoin("units as u", "u.id", "o.main_unit_id")
    .select([
      "o.id",
      "o.order_no",
      "o.region_code",
      "o.category_code",
      "o.state",
      "o.handling_due_at",
      "u.name as unit_name",
    ])
    .where("o.state", "in", [...RUNNING_STATES])
    .where("o.handling_due_at", ">", now)
    .where("o.handling_due_at", "<=", cutoff)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.order_no,
    regionCode: r.region_code,
    categoryCode: r.category_code,
    state: r.state,
    dueAt: r.handling_due_at as Date,
    unitName: r.unit_name,
  }));
}
