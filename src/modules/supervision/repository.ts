import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { visibleOrders } from "../../platform/auth/order-visibility.js";
import type { Actor } from "../../platform/auth/permissions.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** A spot check (社会评价): a third party, a deputy or a supervisor checked how an order was handled. */
export interface NewSpotCheck {
  orderId: string;
  checkerKind: "third_party" | "deputy" | "supervisor";
  checkerName: string;
  result: "pass" | "fail";
  comment: string | null;
  recordedBy: number;
  at: Date;
}

export async function insertSpotCheck(trx: Executor, check: NewSpotCheck) {
  return trx
    .insertInto("spot_checks")
    .values({
      order_id: check.orderId,
      checker_kind: check.checkerKind,
      checker_name: check.checkerName,
      result: check.result,
      comment: check.comment,
      recorded_by: check.recordedBy,
      created_at: check.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface SpotCheckFilter {
  from?: Date;
  to?: Date;
  result?: "pass" | "fail";
  page: number;
  pageSize: number;
}

function filtered(db: Executor, actor: Actor, filter: SpotCheckFilter) {
  let query = db
    .selectFrom("spot_checks as s")
    .innerJoin("orders as o", "o.id", "s.order_id")
    .where(visibleOrders(actor));
  if (filter.from) query = query.where("s.created_at", ">=", filter.from);
  if (filter.to) query = query.where("s.created_at", "<", filter.to);
  return query;
}

/** Spot checks of the orders the actor may see, newest first, with pass and fail counts of the whole filter. */
export async function listSpotChecks(db: Executor, actor: Actor, filter: SpotCheckFilter) {
  const counts = await filtered(db, actor, filter)
    .select([
      sql<number>`count(*) filter (where s.result = 'pass')::int`.as("passed"),
      sql<number>`count(*) filter (where s.result = 'fail')::int`.as("failed"),
    ])
    .executeTakeFirstOrThrow();
  let rows = filtered(db, actor, filter)
    .leftJoin("users as u", "u.id", "s.recorded_by")
    .select([
      "s.id",
      "s.order_id",
      "o.order_no",
      "o.title",
      "o.region_code",
      "s.checker_kind",
      "s.checker_name",
      "s.result",
      "s.comment",
      "u.display_name as recorded_by_name",
      "s.created_at",
    ])
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  if (filter.result) rows = rows.where("s.result", "=", filter.result);
  return { passed: counts.passed, failed: counts.failed, rows: await rows.execute() };
}
