import { type Kysely, sql } from "kysely";

/**
 * 督查考核: indexes for the KPI, dashboard and list queries, which count one month (or twelve) of a
 * table of millions by the instant that decides which period an order counts in: dispatch, deadline,
 * reply, closing, visit, event. `orders(dispatched_at)`, `orders(created_at)` and
 * `order_events(action, at)` already exist. The INCLUDE columns let the counts run from the index
 * alone (measured in bench/assessment.ts on 1,000,000 orders).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  // Orders registered per month and per period, in a jurisdiction: the region rides along so the count
  // needs no row (replaces 0001's plain index on created_at, which serves the same sorts).
  `DROP INDEX orders_created`,
  `CREATE INDEX orders_created ON orders(created_at) INCLUDE (region_code)`,
  // 按期办结率/办结率 count by deadline; the late-per-month trend reads the reply and state beside it.
  `CREATE INDEX orders_handling_due ON orders(handling_due_at) INCLUDE (replied_at, state, solved_on_spot, region_code)`,
  // 平均办理时长 counts orders by reply time.
  `CREATE INDEX orders_replied ON orders(replied_at)`,
  // 解决清单, the closed trend and tile count closed orders by closing time (a rejection sets closed_at too).
  `CREATE INDEX orders_closed ON orders(closed_at) INCLUDE (region_code) WHERE state = 'closed'`,
  // Who a visit or an event counts for: joined a month's worth at a time, index-only instead of the wide rows.
  `CREATE INDEX orders_attribution ON orders(id) INCLUDE (region_code, street_code, community_code, main_unit_id)`,
  // 解决率/满意率: done visits by visit time, with what the caller said.
  `CREATE INDEX visits_done ON visits(visited_at) INCLUDE (order_id, solved, satisfied) WHERE state = 'done'`,
  // 重办率/退单率/督办: only the actions the KPIs count, by time, with the unit they name.
  `CREATE INDEX order_events_assessed ON order_events(at) INCLUDE (order_id, unit_id, action)
     WHERE action IN ('dispatch', 'return', 'reopen', 'urge', 'supervise')`,
  // 四本台账 page through one ledger, newest first.
  `CREATE INDEX orders_ledger_created ON orders(ledger, created_at)`,
  // 走访清单 by date.
  `CREATE INDEX field_visits_visited_on ON field_visits(visited_on)`,
  // 制度清单 → the orders it answers, and back.
  `CREATE INDEX institution_rule_orders_order ON institution_rule_orders(order_id)`,
];
